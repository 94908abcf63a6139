import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultAnalysisOptions, findingsSteps, ruleFindingsSteps, type AnalysisOptions } from '../src/core/analyze';
import { runToEnd } from '../src/core/steps';
import { loadBuiltInCatalog } from './catalog-fixture';
import { fixtureFiles, parseFixture } from './fixture-harness';

const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'seeds');

/** Every seed, and every fixture's text without its annotations: mentions of every kind, known and not. */
const TEXTS = [
  ...fs.readdirSync(SEEDS_DIR).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')),
  ...fixtureFiles().map((f) => parseFixture(fs.readFileSync(f, 'utf8')).text),
];
const LINES = TEXTS.flatMap((text) => text.split('\n'));

const options: AnalysisOptions = { ...defaultAnalysisOptions, catalog: loadBuiltInCatalog().catalog };

function bothWays(text: string): { all: unknown; ruled: unknown } {
  const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  const all = runToEnd(findingsSteps(text, options));
  const ruled = runToEnd(ruleFindingsSteps(text, options));
  assert.equal('references' in ruled, false, 'no references returned');
  return { all: plain({ findings: all.findings, article: all.article }), ruled: plain({ findings: ruled.findings, article: ruled.article }) };
}

test('the findings and facts without references are those of the findings part, on every seed and fixture', () => {
  let flagged = 0;
  for (const text of TEXTS) {
    const { all, ruled } = bothWays(text);
    assert.deepEqual(ruled, all);
    flagged += (all as { findings: { ruleId: string }[] }).findings.filter((f) => f.ruleId === 'reference/unknown').length;
  }
  assert.ok(flagged >= 3, `the texts hold unknown central documents (${flagged} flagged)`);
});

test('the findings and facts without references are those of the findings part, on documents mixed from those lines', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }), (lines) => {
      const { all, ruled } = bothWays(lines.join('\n'));
      assert.deepEqual(ruled, all);
    }),
    { numRuns: 200 },
  );
});
