import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileUserPhrases } from '../src/core/rules/boilerplate/user-patterns';

test('literal phrases are folded; /…/ entries become anchored, case-insensitive patterns', () => {
  const { literals, patterns, problems } = compileUserPhrases(['  Quảng   Cáo ', '/liên hệ: \\d+/']);
  assert.deepEqual(literals, ['quảng cáo']);
  assert.equal(problems.length, 0);
  assert.ok(patterns[0]?.test('liên hệ: 123'));
  assert.ok(!patterns[0]?.test('xin liên hệ: 123'));
});

test('patterns that can backtrack catastrophically, back-references and invalid ones are refused with a reason', () => {
  const { patterns, problems } = compileUserPhrases(['/(a+)+$/', '/(\\w*)*x/', '/(a|aa)+/', '/(a)\\1/', '/[/', `/${'a'.repeat(300)}/`, '/ok/g']);
  assert.equal(patterns.length, 0);
  assert.deepEqual(problems.map((p) => p.message.split(' ')[0]), ['nested', 'nested', 'nested', 'back-references', 'invalid', 'pattern', 'unsupported']);
});
