// Measures reference finding and resolution against hand labels: for each gold reference, is a mention found
// over its span, and does it resolve to the gold id? Usage: node eval/references.mjs [folder of X.txt + X.gold.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { goldPairs } from './boilerplate.mjs';

const require = createRequire(import.meta.url);
const { analyze, defaultAnalysisOptions } = require('../server/out/src/core/analyze.js');
const { loadCatalog } = require('../server/out/src/node/workspace-files.js');

export function evaluateReferences(pairs) {
  const { catalog } = loadCatalog(undefined, [], false);
  const rows = [];
  for (const [textFile, goldFile] of pairs) {
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    const text = fs.readFileSync(textFile, 'utf8');
    const analysis = analyze(text, { ...defaultAnalysisOptions, catalog });
    for (const ref of gold.references ?? []) {
      const start = analysis.doc.lines.toOffset({ line: ref.line, character: ref.character });
      const end = start + ref.length_utf16;
      const found = analysis.references.find((r) => r.mention.span.start < end && start < r.mention.span.end);
      const id = found?.resolution.status === 'resolved' ? found.resolution.id : found?.resolution.status;
      rows.push({ file: path.basename(textFile), line: ref.line, text: ref.text, gold: ref.id, found: Boolean(found), got: id ?? null,
        exactSpan: found ? found.mention.span.start === start && found.mention.span.end === end : false });
    }
  }
  const n = rows.length;
  return { rows, found: rows.filter((r) => r.found).length, resolved: rows.filter((r) => r.got === r.gold).length, exactSpan: rows.filter((r) => r.exactSpan).length, total: n };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = evaluateReferences(goldPairs(process.argv[2]));
  for (const r of result.rows) {
    const mark = r.got === r.gold ? 'ok  ' : 'MISS';
    console.log(`${mark} ${r.file.slice(0, 3)}:${String(r.line).padEnd(3)} ${r.text.slice(0, 50).padEnd(50)} gold ${r.gold.padEnd(40)} got ${r.got}${r.exactSpan ? '' : ' (span differs)'}`);
  }
  console.log(`references found ${result.found}/${result.total}, resolved to the gold id ${result.resolved}/${result.total}, exact span ${result.exactSpan}/${result.total}`);
  console.log(JSON.stringify({ found: result.found, resolved: result.resolved, exactSpan: result.exactSpan, total: result.total }));
}
