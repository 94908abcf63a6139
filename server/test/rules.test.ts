import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { builtInTableProblems, PHRASE_ENTRIES, RULES } from '../src/core/rules/registry';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');
const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

test('the built-in phrase table loads without problems', () => {
  assert.deepEqual(builtInTableProblems, []);
});

test('rule ids are unique and every rule has a description, a fixture and a docs page', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of RULES) {
    assert.ok(rule.description.en.length > 10 && rule.description.vi.length > 10, `${rule.id} description`);
    const [family, name] = rule.id.split('/');
    assert.ok(fs.existsSync(path.join(FIXTURES, family ?? '', `${name}.txt`)), `${rule.id} has fixtures/${rule.id}.txt`);
    assert.ok(fs.existsSync(path.join(DOCS, `${family}-${name}.md`)), `${rule.id} has docs/rules/${family}-${name}.md`);
  }
});

for (const entry of PHRASE_ENTRIES) {
  test(`phrase-table examples of ${entry.id}`, () => {
    assert.ok(entry.examples.some((e) => e.bad !== undefined), `${entry.id} has a bad example`);
    assert.ok(entry.examples.some((e) => e.good !== undefined), `${entry.id} has a good example`);
    for (const example of entry.examples) {
      const text = example.bad ?? example.good ?? '';
      const ids = analyze(`Tiêu đề bài viết\n${text}\n`, defaultAnalysisOptions).findings.map((f) => f.ruleId);
      if (example.bad !== undefined) assert.ok(ids.includes(entry.id), `${entry.id} should flag ${JSON.stringify(text)}; got ${ids.join(', ')}`);
      else assert.ok(!ids.includes(entry.id), `${entry.id} should not flag ${JSON.stringify(text)}`);
    }
  });
}
