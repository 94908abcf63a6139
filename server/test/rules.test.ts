import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { builtInTableProblems, PHRASE_ENTRIES, RULE_INFO, RULES } from '../src/core/rules/registry';
import type { Logger } from '../src/core/types';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');
const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');
const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');

test('the built-in phrase table loads without problems', () => {
  assert.deepEqual(builtInTableProblems, []);
});

test('rule ids are unique and every rule has a description, a fixture and a docs page', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(RULE_INFO.has('reference/unknown'), 'the registry lists the reference rule too');
  for (const rule of RULE_INFO.values()) {
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

test('no rule reports a finding above its declared tier, on any fixture or seed', () => {
  const warnings: string[] = [];
  const logger: Logger = { log: (level, message) => void (level !== 'debug' && warnings.push(message)) };
  const files = [
    ...fs.readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f)),
  ];
  let findings = 0;
  for (const file of files) {
    const analysis = analyze(fs.readFileSync(file, 'utf8'), defaultAnalysisOptions, undefined, logger);
    findings += analysis.findings.length;
    for (const f of analysis.findings) assert.equal(f.severity, RULE_INFO.get(f.ruleId)?.defaultSeverity, `${f.ruleId} takes its rule's default severity`);
  }
  assert.ok(files.length > 20 && findings > 50, `${files.length} files, ${findings} findings`);
  assert.deepEqual(warnings.filter((w) => w.includes('above its tier')), []);
});
