// Measures references through the real language server: for each hand label, a hover request at the middle of the
// labelled span, over stdio. A label is found when the hover's range overlaps its span; right when the hover names the
// label's id and no other document of the same number; wrong when it names another document of that number and not the
// id; ambiguous when it names both. Runs on the seeds (eval/gold) and on ../shared/dev-labels when that folder exists.
// Usage: node eval/references.mjs [--verbose]; VN_CORPUS_DEV_LABELS points at another labels folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from '../bench/lsp-client.mjs';
import { goldPairs } from './boilerplate.mjs';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const DEV_LABELS = process.env.VN_CORPUS_DEV_LABELS ?? path.join(ROOT, '..', 'shared', 'dev-labels');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

/** A symbol-like token: `35-NQ/TW`, `19-2017/NQ-CP`, `333/2017/UBTVQH14`, `123/UBND-TNMT`. */
const SYMBOL = /(?<![\p{L}\p{N}/-])\d{1,5}(?:[-/]\d{4})?[-/]\p{L}[\p{L}\p{N}]*(?:[-/]\p{L}[\p{L}\p{N}]*)*/gu;
const KINDS = /nghị quyết|chỉ thị|kết luận|quy định|quyết định|nghị định|thông tư|luật|pháp lệnh|tờ trình|công văn|thông báo|kế hoạch|hướng dẫn|báo cáo/iu;
const ISSUER = /cơ quan ban hành|bộ chính trị|ban bí thư|trung ương|chính phủ|thủ tướng|quốc hội|ủy ban|tỉnh ủy|thành ủy|hội đồng|bộ [\p{Lu}]/iu;

const norm = (s) => s.normalize('NFC').toUpperCase();
const leading = (s) => (/^\d+/u.exec(s)?.[0] ?? '').replace(/^0+(?=\d)/u, '');

/** Whether the hover text names `id` as a whole token. */
export function namesId(text, id) {
  const t = norm(text);
  const wanted = norm(id);
  for (let at = t.indexOf(wanted); at >= 0; at = t.indexOf(wanted, at + 1)) {
    const before = t[at - 1] ?? ' ';
    const after = t[at + wanted.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && (after !== '/' || /^\d/u.test(t.slice(at + wanted.length + 1)))) return true;
  }
  return false;
}

/** Documents of the same number as `id` that the hover names instead. */
export function othersNamed(text, id) {
  const n = leading(id);
  if (!n) return [];
  const wanted = norm(id);
  return [...new Set([...text.normalize('NFC').matchAll(SYMBOL)].map((m) => norm(m[0]).replace(/\/\d{4}$/u, '')))]
    .filter((s) => leading(s) === n && s !== wanted && !wanted.startsWith(`${s}/`) && s !== wanted.replace(/\/\d{4}$/u, ''));
}

/** Hovers every label of every file through one server; returns one row per label. */
async function hoverLabels(client, files, log) {
  const rows = [];
  for (const { name, textFile, labels } of files) {
    const text = fs.readFileSync(textFile, 'utf8');
    const uri = pathToFileURL(textFile).toString();
    await client.open(uri, text, 60_000);
    for (const ref of labels) {
      const position = { line: ref.line, character: ref.character + Math.floor(ref.length_utf16 / 2) };
      const hover = await client.hover(uri, position, 30_000);
      const value = hover?.contents?.value ?? '';
      const r = hover?.range;
      const found = Boolean(r && r.start.line <= ref.line && r.end.line >= ref.line
        && (r.start.line < ref.line || r.start.character < ref.character + ref.length_utf16)
        && (r.end.line > ref.line || r.end.character > ref.character));
      const right = found && namesId(value, ref.id);
      const others = found ? othersNamed(value, ref.id) : [];
      const written = /(\d{1,5})\s*[-–/]\s*(?:\d{4}\s*[-/]\s*)?\p{L}/u.exec(ref.text);
      const symbolWritten = written !== null;
      // The symbol's own hover: at the written number, which may sit at the end of a long labelled span.
      const symbolHover = written ? await client.hover(uri, { line: ref.line, character: ref.character + written.index + 1 }, 30_000) : null;
      const symbolValue = symbolHover?.contents?.value ?? '';
      const states = Boolean(written && symbolValue.includes(String(Number(written[1]))) && KINDS.test(symbolValue) && ISSUER.test(symbolValue));
      rows.push({
        file: name, line: ref.line, text: ref.text, id: ref.id, scored: ref.scored, found,
        right: right && others.length === 0, ambiguous: right && others.length > 0, wrong: !right && others.length > 0,
        symbolWritten, states, first: value.split('\n')[0] ?? '',
      });
    }
    log?.(`  ${name}: ${labels.length} labels`);
  }
  return rows;
}

function summary(rows) {
  const count = (f) => rows.filter(f).length;
  return { total: rows.length, found: count((r) => r.found), right: count((r) => r.right), wrong: count((r) => r.wrong), ambiguous: count((r) => r.ambiguous) };
}

function line(label, s) {
  const share = (n) => (s.total ? (n / s.total).toFixed(2) : '-');
  return `${label.padEnd(34)} ${String(s.total).padStart(4)} labels · found ${s.found} (${share(s.found)}) · right ${s.right} (${share(s.right)}) · wrong ${s.wrong} (${share(s.wrong)}) · ambiguous ${s.ambiguous}`;
}

function seedFiles() {
  return goldPairs().map(([textFile, goldFile]) => ({
    name: path.basename(textFile), textFile,
    labels: (JSON.parse(fs.readFileSync(goldFile, 'utf8')).references ?? []).map((r) => ({ ...r, scored: true })),
  }));
}

/** The README's scored core: sure, numbered, not anaphoric, id starting with a number. */
function isScored(r) {
  return r.confidence === 'sure' && r.numbered !== false && !r.anaphoric && /^\d/u.test(r.id);
}

function devFiles() {
  return fs.readdirSync(DEV_LABELS).filter((f) => f.endsWith('.labels.json')).sort().map((f) => ({
    name: f.replace(/\.labels\.json$/u, ''), textFile: path.join(CORPUS, f.replace(/\.labels\.json$/u, '.txt')),
    labels: JSON.parse(fs.readFileSync(path.join(DEV_LABELS, f), 'utf8')).references.map((r) => ({ ...r, scored: isScored(r) })),
  }));
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  const client = BenchClient.spawn(ROOT);
  try {
    await client.initialize();
    const seeds = await hoverLabels(client, seedFiles());
    console.log('references (hover over stdio at the middle of each labelled span)');
    console.log(line('seeds, all references', summary(seeds)));
    if (verbose) for (const r of seeds.filter((x) => !x.right)) console.log(`  MISS ${r.file.slice(0, 3)}:${r.line} ${r.text.slice(0, 50)} → want ${r.id}; hover: ${r.first.slice(0, 90)}`);
    const haveDev = fs.existsSync(DEV_LABELS) && fs.existsSync(CORPUS);
    if (!haveDev) {
      console.log(`dev labels: skipped, ${DEV_LABELS} or ${CORPUS} is absent (the shared data is not in the repository)`);
      return;
    }
    const dev = await hoverLabels(client, devFiles());
    const scored = dev.filter((r) => r.scored);
    console.log(line('dev labels, sure numbered', summary(scored)));
    console.log(line('dev labels, all mentions', summary(dev)));
    const withSymbol = dev.filter((r) => r.symbolWritten);
    console.log(`dev labels, mentions with a full symbol: ${withSymbol.filter((r) => r.states).length}/${withSymbol.length} hovers state number, kind and issuer`);
    if (verbose) {
      for (const r of scored.filter((x) => !x.right)) console.log(`  ${r.wrong ? 'WRONG' : r.ambiguous ? 'AMBIG' : 'MISS '} ${r.file.slice(7)}:${r.line} ${r.text.slice(0, 50)} → want ${r.id}; hover: ${r.first.slice(0, 90)}`);
      for (const r of withSymbol.filter((x) => !x.states)) console.log(`  NO-DETAIL ${r.file.slice(7)}:${r.line} ${r.text.slice(0, 60)}; hover: ${r.first.slice(0, 80)}`);
    }
    console.log(JSON.stringify({ seeds: summary(seeds), devSureNumbered: summary(scored), devAll: summary(dev), symbolsStated: withSymbol.filter((r) => r.states).length, symbols: withSymbol.length }));
  } finally {
    await client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
