import * as path from 'node:path';
import type { LineIndex } from '../../core/text/line-index';
import type { Finding } from '../../core/types';
import type { Findings } from '../../core/analyze';
import type { CommandRun } from '../run-context';
import { toSarif, type SarifFile } from '../sarif';

/** A finding as `lint --format json` prints it: positions are 0-based lines and UTF-16 characters, as in LSP. */
export function findingJson(lines: LineIndex, f: Finding): unknown {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    tier: f.tier,
    message: f.message,
    range: lines.toRange(f.span),
    ...(f.related && f.related.length > 0 ? { related: f.related } : {}),
  };
}

/** Prints every finding as text, JSON or SARIF; returns whether anything was found. */
export async function runLint(ctx: CommandRun<Findings>): Promise<boolean> {
  const { io } = ctx;
  const format = ctx.args.format;
  let count = 0;
  let fileCount = 0;
  const sarif: SarifFile[] = [];
  if (format === 'json') io.out('[');
  for await (const r of ctx.analysed()) {
    const { findings, doc } = r.analysis;
    count += findings.length;
    if (format === 'json') {
      // One file at a time, so a large corpus is never held as one tree of objects.
      io.out(`${fileCount === 0 ? '' : ','}\n${JSON.stringify({ uri: r.uri, findings: findings.map((f) => findingJson(doc.lines, f)) })}`);
    } else if (format === 'sarif') {
      sarif.push({ uri: r.uri, lines: doc.lines, findings });
    } else {
      const name = path.relative(process.cwd(), r.file);
      for (const f of findings) {
        const p = doc.lines.toPosition(f.span.start);
        io.out(`${name}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]\n`);
      }
    }
    fileCount++;
  }
  if (format === 'json') io.out('\n]\n');
  else if (format === 'sarif') io.out(`${JSON.stringify(toSarif(sarif), null, 1)}\n`);
  else io.err(`${count} finding${count === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}\n`);
  return count > 0;
}
