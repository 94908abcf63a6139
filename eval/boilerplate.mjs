// Measures boilerplate detection against hand labels: precision, recall, body lines flagged, and fix-all exactness.
// Usage: node eval/boilerplate.mjs [folder with X.txt + X.gold.json …]   (default: seeds/ with eval/gold/)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyze, defaultAnalysisOptions } = require('../server/out/src/core/analyze.js');
const { applyFixAll } = require('../server/out/src/core/fix-all.js');

/** Pairs of [text file, gold file] from a folder of X.txt + X.gold.json, or the seeds with eval/gold. */
export function goldPairs(folder) {
  if (folder) {
    return fs.readdirSync(folder).filter((f) => f.endsWith('.gold.json')).sort()
      .map((g) => [path.join(folder, g.replace(/\.gold\.json$/u, '.txt')), path.join(folder, g)]);
  }
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
  const goldDir = path.join(root, 'eval', 'gold');
  return fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()
    .map((g) => [path.join(root, 'seeds', g.replace(/\.json$/u, '.txt')), path.join(goldDir, g)]);
}

function flaggedLines(analysis) {
  const lines = new Set();
  for (const f of analysis.findings) {
    if (!f.ruleId.startsWith('boilerplate/') || f.tier === 'weak') continue;
    const start = analysis.doc.lines.toPosition(f.span.start);
    const end = analysis.doc.lines.toPosition(f.span.end);
    for (let l = start.line; l <= end.line; l++) {
      const info = analysis.doc.line(l);
      if (f.span.start <= info.start && f.span.end >= info.end) lines.add(l);
    }
  }
  return lines;
}

export function evaluate(pairs) {
  const rows = [];
  for (const [textFile, goldFile] of pairs) {
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    const text = fs.readFileSync(textFile, 'utf8');
    const analysis = analyze(text, defaultAnalysisOptions);
    const ambiguous = new Set(Object.entries(gold.line_notes ?? {}).filter(([, n]) => n.ambiguous).map(([l]) => Number(l)));
    const bp = gold.boilerplate_lines.filter((l) => !ambiguous.has(l));
    const body = gold.body_lines.filter((l) => !ambiguous.has(l));
    const flagged = flaggedLines(analysis);
    const tp = bp.filter((l) => flagged.has(l)).length;
    const bodyFlagged = body.filter((l) => flagged.has(l));
    const fixed = applyFixAll(analysis).split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '');
    const expected = gold.body_lines.map((l) => text.split(/\r\n|\r|\n/u)[l]).filter((l) => l.trim() !== '');
    const ambiguousText = new Set([...ambiguous].map((l) => text.split(/\r\n|\r|\n/u)[l]));
    const fixedCore = fixed.filter((l) => !ambiguousText.has(l));
    const expectedCore = expected.filter((l) => !ambiguousText.has(l));
    rows.push({
      file: path.basename(textFile), boilerplate: bp.length, flagged: tp + bodyFlagged.length, truePositives: tp,
      missed: bp.filter((l) => !flagged.has(l)), bodyFlagged, fixAllExact: JSON.stringify(fixedCore) === JSON.stringify(expectedCore),
    });
  }
  const sum = (k) => rows.reduce((n, r) => n + (Array.isArray(r[k]) ? r[k].length : r[k]), 0);
  const tp = sum('truePositives');
  const flagged = sum('flagged');
  return {
    rows,
    precision: flagged === 0 ? 1 : tp / flagged,
    recall: sum('boilerplate') === 0 ? 1 : tp / sum('boilerplate'),
    bodyLinesFlagged: sum('bodyFlagged'),
    fixAllExact: rows.filter((r) => r.fixAllExact).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = evaluate(goldPairs(process.argv[2]));
  console.log('file                              gold-bp  flagged  tp  missed  body-flagged  fix-all-exact');
  for (const r of result.rows) {
    console.log(`${r.file.padEnd(34)}${String(r.boilerplate).padStart(7)}${String(r.flagged).padStart(9)}${String(r.truePositives).padStart(4)}  ${JSON.stringify(r.missed).padEnd(7)} ${JSON.stringify(r.bodyFlagged).padEnd(13)} ${r.fixAllExact}`);
  }
  console.log(`precision ${result.precision.toFixed(3)}  recall ${result.recall.toFixed(3)}  body lines flagged ${result.bodyLinesFlagged}  fix-all exact ${result.fixAllExact}/${result.rows.length}`);
  console.log(JSON.stringify({ precision: result.precision, recall: result.recall, bodyLinesFlagged: result.bodyLinesFlagged, fixAllExact: result.fixAllExact, files: result.rows.length }));
}
