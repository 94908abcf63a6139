import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { applyFixAll, fixAllEdits } from '../src/core/fix-all';

const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'seeds');
const LINES = fs.readdirSync(SEEDS_DIR).flatMap((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split('\n'));
const EOLS = ['\n', '\r\n', '\r'];

/** A document made of seed lines (article and debris alike) with random line endings and an optional BOM. */
const documents = fc.record({
  lines: fc.array(fc.constantFrom(...LINES, '', '  ', 'Lượt xem: 1', 'Tin liên quan'), { minLength: 0, maxLength: 40 }),
  eol: fc.constantFrom(...EOLS),
  mixed: fc.boolean(),
  bom: fc.boolean(),
  nfd: fc.boolean(),
}).map(({ lines, eol, mixed, bom, nfd }) => {
  const body = lines.map((l, i) => l + (mixed ? (EOLS[i % 3] ?? '\n') : eol)).join('');
  return (bom ? '\uFEFF' : '') + (nfd ? body.normalize('NFD') : body);
});

test('fix-all is idempotent, removes only lines a certain finding flagged, and leaves clean text byte-identical', () => {
  fc.assert(
    fc.property(documents, (text) => {
      const analysis = analyze(text, defaultAnalysisOptions);
      const fixed = applyFixAll(analysis);
      assert.equal(applyFixAll(analyze(fixed, defaultAnalysisOptions)), fixed, 'a second fix-all changes nothing');
      if (fixAllEdits(analysis).length === 0) assert.equal(fixed, text, 'nothing flagged, nothing changed');
      const certainLines = new Set(analysis.findings.filter((f) => f.tier === 'certain').flatMap((f) => {
        const first = analysis.doc.lines.lineAt(f.span.start);
        const last = analysis.doc.lines.lineAt(f.span.end);
        return Array.from({ length: last - first + 1 }, (_, i) => first + i);
      }));
      const kept = (t: string): string[] => t.split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '');
      const expected = text.split(/\r\n|\r|\n/u).filter((l, i) => !certainLines.has(i) && l.trim() !== '');
      assert.deepEqual(kept(fixed), expected, 'exactly the flagged non-blank lines are gone');
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261122) },
  );
});
