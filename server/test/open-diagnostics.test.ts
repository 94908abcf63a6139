import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze, analyzeSteps, defaultAnalysisOptions, type Analysis } from '../src/core/analyze';
import { runToEnd } from '../src/core/steps';
import { diagnosticFeaturesOf, toDiagnostic } from '../src/lsp/convert';
import { OpenDiagnostics, toDiagnostics } from '../src/lsp/diagnostics';

const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
const LINES = SEEDS.flatMap((s) => s.split('\n')).filter((l) => l.length > 0);

/** What a diagnostic says; `data.index` is a hint that a reused diagnostic may carry from an earlier version. */
function essence(d: Diagnostic): unknown {
  return { ...d, data: { tier: (d.data as { tier?: string } | undefined)?.tier } };
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 200 }),
  insert: fc.oneof(fc.constantFrom('\n', 'ư', 'Lượt xem: 270\n', 'Tin liên quan\n'), fc.constantFrom(...LINES).map((l) => `${l}\n`)),
});

test('diagnostics converted from the previous version equal those converted afresh, and reuse the unchanged ones', async () => {
  let reused = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: SEEDS.length - 1 }), { minLength: 2, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (seeds, edits) => {
      const open = new OpenDiagnostics(undefined);
      let text = seeds.map((i) => SEEDS[i] ?? '').join('\n');
      let analysis: Analysis = analyze(text);
      let last = (await open.convert('file:///a.txt', analysis)).diagnostics;
      for (const e of edits) {
        const from = Math.floor(e.at * text.length);
        text = text.slice(0, from) + e.insert + text.slice(Math.min(text.length, from + e.length));
        analysis = runToEnd(analyzeSteps(text, defaultAnalysisOptions, undefined, undefined, analysis));
        const converted = (await open.convert('file:///a.txt', analysis)).diagnostics;
        assert.deepEqual(converted.map(essence), (await toDiagnostics(analysis, undefined)).map(essence));
        reused += converted.filter((d) => last.includes(d)).length;
        last = converted;
      }
    }),
    { numRuns: 40, seed: 20261203 },
  );
  assert.ok(reused > 0, 'unchanged findings keep their Diagnostic objects');
});

test('a diagnostic carries related places, the unnecessary tag and the rule page only for a client that takes them', () => {
  const analysis = analyze('Tiêu đề bài viết\nLượt xem: 270\n');
  const base = analysis.findings[0];
  assert.ok(base);
  const finding = { ...base, unnecessary: true, related: [{ path: '/corpus/b.txt', line: 3, message: 'also here' }] };
  const all = toDiagnostic(analysis.doc.lines, finding, 0, 'file:///docs/rules', diagnosticFeaturesOf({ textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true } } }));
  assert.equal(all.relatedInformation?.[0]?.location.uri, 'file:///corpus/b.txt');
  assert.deepEqual(all.tags, [1]);
  assert.match(all.codeDescription?.href ?? '', /^file:\/\/\/docs\/rules\/.+\.md$/u);
  const none = toDiagnostic(analysis.doc.lines, finding, 0, 'file:///docs/rules', diagnosticFeaturesOf({}));
  assert.deepEqual([none.relatedInformation, none.tags, none.codeDescription], [undefined, undefined, undefined]);
  const rest: Partial<Diagnostic> = { ...all };
  delete rest.relatedInformation;
  delete rest.tags;
  delete rest.codeDescription;
  assert.deepEqual(none, rest, 'the rest is the same');
  const deprecatedOnly = toDiagnostic(analysis.doc.lines, finding, 0, undefined, diagnosticFeaturesOf({ textDocument: { publishDiagnostics: { tagSupport: { valueSet: [2] } } } }));
  assert.equal(deprecatedOnly.tags, undefined, 'a client that takes only the deprecated tag gets no unnecessary tag');
});
