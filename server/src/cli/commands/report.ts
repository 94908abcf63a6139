import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, type CorpusReport } from '../../core/report/corpus-report';
import { summarizeFile, type FileSummary } from '../../core/report/file-summary';
import type { Locale } from '../../core/types';
import { toReportPath } from '../../node/report-summaries';
import { UsageError } from '../../node/walk';
import type { CommandRun } from '../run-context';

/** Prints (or writes as HTML) the corpus report of the files; returns false, as a report finds nothing by itself (exit 0). */
export async function runReport(ctx: CommandRun): Promise<boolean> {
  const { io, args } = ctx;
  const summaries: FileSummary[] = [];
  const seen = new Set<string>();
  for await (const r of ctx.analysed()) {
    const { root, rel } = relativeToInput(r.file, args.paths);
    seen.add(r.file);
    summaries.push(summarizeFile(r.uri, rel, path.basename(root), r.analysis, ctx.locale));
  }
  // Unreadable files were named on stderr; the report lists them too, as the editor's does.
  const problems = ctx.files.filter((f) => !seen.has(f)).map((f) => ({ path: relativeToInput(f, args.paths).rel, problem: 'could not be read (see above)' }));
  const report = buildReport(summaries, problems);
  const format = args.format;
  const htmlFile = args.html;
  const locale: Locale = ctx.locale;
  if (htmlFile !== undefined) {
    fs.writeFileSync(htmlFile, toStandaloneHtml(report, readAssets(), locale), 'utf8');
    io.err(`wrote ${htmlFile} (${summaries.length} files)\n`);
  } else if (format === 'json') {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.out(toText(report));
  }
  return false;
}

/** The input folder a file was found under, and the file's path relative to it (`/` separators). */
function relativeToInput(file: string, inputs: readonly string[]): { root: string; rel: string } {
  const abs = path.resolve(file);
  for (const input of inputs) {
    const dir = path.resolve(input);
    if (abs.startsWith(dir + path.sep) && fs.statSync(dir).isDirectory()) return { root: dir, rel: toReportPath(dir, abs) };
  }
  return { root: path.dirname(abs), rel: path.basename(abs) };
}

function toText(report: CorpusReport): string {
  const t = report.totals;
  const pct = (n: number, of: number): string => (of === 0 ? '0.0' : ((100 * n) / of).toFixed(1));
  const out = [`${t.files} files, ${t.lines} lines; flagged: certain ${pct(t.flagged.certain, t.lines)}%, probable ${pct(t.flagged.probable, t.lines)}%, weak ${pct(t.flagged.weak, t.lines)}%`];
  out.push(`${t.meetings} meetings (${t.datedMeetings} dated), ${t.references} references (${t.unknownReferences} unknown)`);
  for (const g of report.groups) {
    out.push('', `${g.name}: ${g.files} files, ${g.lines} lines; certain ${pct(g.flagged.certain, g.lines)}%, probable ${pct(g.flagged.probable, g.lines)}%, weak ${pct(g.flagged.weak, g.lines)}%`);
    for (const l of g.topLines) out.push(`  ${String(l.files).padStart(4)} files  ${l.text}`);
  }
  if (report.meetingsByMonth.length) out.push('', 'Meetings per month:', ...report.meetingsByMonth.map((m) => `  ${m.month}  ${m.reported + m.mentioned + m.planned}`));
  if (report.meetingsByProvince.length) out.push('', 'Meetings by province:', ...report.meetingsByProvince.map((p) => `  ${String(p.count).padStart(4)}  ${p.title}`));
  if (report.citedDocuments.length) out.push('', 'Most cited documents:', ...report.citedDocuments.map((d) => `  ${String(d.count).padStart(4)}  ${d.key}  ${d.title}`));
  if (report.unknownReferences.length) out.push('', 'Unknown references:', ...report.unknownReferences.map((d) => `  ${String(d.count).padStart(4)}  ${d.title}  (${d.place.path}:${d.place.line + 1})`));
  return `${out.join('\n')}\n`;
}

interface Assets {
  readonly script: string;
  readonly style: string;
}

/** The bundled report page, next to the CLI bundle (dist/report) or found from the sources' build output. */
function readAssets(): Assets {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, 'report'), path.join(dir, 'dist', 'report')]) {
      const script = path.join(candidate, 'report.js');
      if (fs.existsSync(script)) return { script: fs.readFileSync(script, 'utf8'), style: fs.readFileSync(path.join(candidate, 'report.css'), 'utf8') };
    }
    if (path.dirname(dir) === dir) throw new UsageError('the report page (dist/report/report.js) is missing; run `npm run build`');
  }
}

const sha256 = (text: string): string => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * One self-contained page: the script and style inline, allowed by their hashes in a strict Content-Security-Policy
 * (nothing else may run or load, no network), and the report as a JSON data block, which is never executed.
 */
export function toStandaloneHtml(report: CorpusReport, assets: Assets, locale: Locale): string {
  // `<` is escaped so no corpus text can close the data block.
  const data = JSON.stringify({ report }).replace(/</gu, '\\u003c');
  const script = assets.script.replace(/<\/script/giu, '<\\/script');
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(assets.style)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corpus report — ${report.totals.files} files</title>
<style>${assets.style}</style>
</head>
<body>
<script type="application/json" id="report-data">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}
