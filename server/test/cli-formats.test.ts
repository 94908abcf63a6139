import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { applyPatch } from 'diff';
import { unifiedDiff } from '../src/cli/diff';
import { run } from '../src/cli/main';
import { RULE_INFO } from '../src/core/rules/registry';

const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');
const SARIF_SCHEMA = path.join(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

interface SarifRule { id: string; shortDescription?: { text: string }; helpUri?: string; properties?: { tier?: string } }
interface SarifLog { runs: { tool: { driver: { rules: SarifRule[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }

test('lint --format sarif is valid against the SARIF 2.1.0 schema, with descriptions, pages and real file URIs', async () => {
  const { code, out } = await capture(['lint', SEEDS, '--format', 'sarif', '--lang', 'en']);
  assert.equal(code, 1);
  const log = JSON.parse(out) as SarifLog;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  const broken = JSON.parse(out) as { runs: { results: { level: string }[] }[] };
  const first = broken.runs[0]?.results[0];
  if (first) first.level = 'severe';
  assert.equal(validate(broken), false, 'the schema rejects a level SARIF does not know');
  const run0 = log.runs[0];
  assert.ok(run0 && run0.results.length > 0);
  const rules = run0.tool.driver.rules;
  for (const rule of rules) {
    assert.equal(rule.shortDescription?.text, RULE_INFO.get(rule.id)?.description.en, `${rule.id} has its registry description`);
    assert.equal(rule.properties?.tier, RULE_INFO.get(rule.id)?.tier);
    assert.ok(rule.helpUri && fs.existsSync(fileURLToPath(rule.helpUri)), `${rule.id} links to its page (${rule.helpUri})`);
  }
  for (const r of run0.results) {
    assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
    assert.ok(fs.existsSync(fileURLToPath(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '')));
  }
  assert.doesNotMatch(out, /example\.invalid/u, 'no placeholder URIs');
});

test('lint --format text prints file:line:column, severity, message and rule id', async () => {
  const { out, err } = await capture(['lint', path.join(SEEDS, '002_cc6c1fb2d5522765.txt'), '--lang', 'en']);
  assert.match(out, /002_cc6c1fb2d5522765\.txt:4:1: warning .+ \[boilerplate\/view-counter\]$/mu);
  // The index line comes when an earlier run left the file's line hashes in the cache.
  assert.match(err, /^(index: from cache, 1 file unchanged\n)?\d+ findings in 1 file\n$/u);
});

test('lint messages follow --lang, the reason of an unknown reference included', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-lang-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, 'Tiêu đề\n\nThực hiện Chỉ thị số 99-CT/TW ngày 5/3/2019 của Ban Bí thư về công tác tuyên giáo.\n');
  const vi = JSON.parse((await capture(['lint', file, '--format', 'json', '--lang', 'vi'])).out) as { findings: { ruleId: string; message: string }[] }[];
  const unknown = vi[0]?.findings.find((f) => f.ruleId === 'reference/unknown');
  assert.ok(unknown, 'an uncatalogued central document is reported');
  assert.match(unknown.message, /^Chưa có trong danh mục: /u);
  assert.doesNotMatch(unknown.message, /issued on|not in the catalog/u, 'a Vietnamese message has no English in it');
});

test('the unified diff round-trips on CRLF text, an empty file and a missing final newline', () => {
  const cases: [string, string, string][] = [
    ['crlf', 'Tiêu đề\r\nLượt xem: 270\r\n\r\nNội dung.\r\n', 'Tiêu đề\r\n\r\nNội dung.\r\n'],
    ['from empty', '', 'Một dòng\n'],
    ['to empty', 'Lượt xem: 1\n', ''],
    ['no final newline', 'Tiêu đề\nLượt xem: 270\nNội dung.', 'Tiêu đề\nNội dung.'],
    ['final newline removed', 'Tiêu đề\nLượt xem: 270\n', 'Tiêu đề'],
  ];
  for (const [name, before, after] of cases) {
    const patch = unifiedDiff('a.txt', before, after);
    assert.ok(patch.startsWith('--- a/a.txt\n+++ b/a.txt\n'), `${name}: git-style headers`);
    assert.equal(applyPatch(before, patch), after, `${name}: applying the diff gives the new text`);
  }
  assert.match(unifiedDiff('a.txt', 'a\r\nLượt xem: 1\r\nb\r\n', 'a\r\nb\r\n'), /^-Lượt xem: 1\r$/mu, 'a removed CRLF line keeps its CR');
  assert.match(unifiedDiff('a.txt', 'a\nb', 'a'), /^\\ No newline at end of file$/mu);
  assert.match(unifiedDiff('a.txt', '', 'x\n'), /^@@ -0,0 \+1(,1)? @@$/mu);
});

test('a diff of 20,000 lines with every other one removed round-trips', () => {
  const before = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `Lượt xem: ${i}` : `Dòng nội dung ${i}`)).join('\n');
  const after = before.split('\n').filter((_, i) => i % 2 === 0).join('\n');
  const patch = unifiedDiff('big.txt', before, after);
  assert.equal(applyPatch(before, patch), after);
});
