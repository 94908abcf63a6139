import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PHRASE_ENTRIES } from '../src/core/rules/registry';
import { SERVER_MESSAGES } from '../src/lsp/messages';

const ROOT = path.join(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

test('every %key% in package.json exists in English and Vietnamese', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1] ?? '');
  assert.ok(keys.length > 5);
  const en = readJson('package.nls.json');
  const vi = readJson('package.nls.vi.json');
  for (const key of keys) {
    assert.equal(typeof en[key], 'string', `package.nls.json lacks ${key}`);
    assert.equal(typeof vi[key], 'string', `package.nls.vi.json lacks ${key}`);
  }
  assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
});

test('every runtime string of the client has a Vietnamese translation', () => {
  const strings = [...fs.readdirSync(path.join(ROOT, "client", "src")).map((f) => fs.readFileSync(path.join(ROOT, "client", "src", f), "utf8")).join("\n").matchAll(/l10n\.t\('([^']+)'/gu)].map((m) => m[1] ?? '');
  assert.ok(strings.length > 0);
  const vi = readJson('l10n/bundle.l10n.vi.json');
  for (const s of strings) assert.equal(typeof vi[s], 'string', `l10n/bundle.l10n.vi.json lacks ${JSON.stringify(s)}`);
});

test('server messages and rule messages exist in both languages', () => {
  for (const [key, text] of Object.entries(SERVER_MESSAGES)) assert.ok(text.en && text.vi, key);
  for (const entry of PHRASE_ENTRIES) assert.ok(entry.message.en && entry.message.vi && entry.description.vi, entry.id);
});
