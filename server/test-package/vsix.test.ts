import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readZip } from './zip';

const ROOT = path.join(__dirname, '..', '..', '..');
const VSIX = path.join(ROOT, 'build', 'vn-news-corpus.vsix');

test('the packaged .vsix is under 2 MB and holds the bundles, grammar, data and manifest, and no dependencies', () => {
  assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run npm run package`);
  const size = fs.statSync(VSIX).size;
  assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
  const entries = readZip(fs.readFileSync(VSIX));
  const names = entries.map((e) => e.name);
  for (const required of [
    'extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js',
    'extension/dist/server-main.js', 'extension/dist/server-features.js', 'extension/dist/cli.js', 'extension/syntaxes/vn-article.tmLanguage.json', 'extension/language-configuration.json',
    'extension/server/data/boilerplate.json', 'extension/package.nls.vi.json', 'extension/l10n/bundle.l10n.vi.json',
    'extension/docs/rules/boilerplate-view-counter.md',
  ]) assert.ok(names.includes(required), `${required} missing; has ${names.join(', ')}`);
  assert.ok(names.some((n) => n.startsWith('extension/server/data/catalog/') && n.endsWith('.json')), 'catalogs shipped');
  assert.ok(names.includes('extension/server/data/catalog/packs/index.json'), 'catalog packs shipped');
  assert.deepEqual(names.filter((n) => n.includes('node_modules/') || n.includes('/src/') || n.endsWith('.ts') || n.endsWith('.map') || n.endsWith('.v8cache')), [], 'no sources, maps, code caches or dependencies');
});

test('the manifest inside the .vsix declares the language, grammar and server entry point', () => {
  const entries = readZip(fs.readFileSync(VSIX));
  const manifestEntry = entries.find((e) => e.name === 'extension/package.json');
  assert.ok(manifestEntry);
  const manifest = JSON.parse(manifestEntry.read().toString('utf8')) as {
    name: string; main: string; contributes: { languages: { id: string; filenamePatterns: string[] }[]; grammars: { path: string }[] };
  };
  assert.equal(manifest.name, 'vn-news-corpus');
  assert.equal(manifest.main, './dist/extension.js');
  const language = manifest.contributes.languages.find((l) => l.id === 'vn-article');
  assert.deepEqual(language?.filenamePatterns, ['**/seeds/**/*.txt', '**/corpus/**/*.txt']);
  assert.equal(manifest.contributes.grammars[0]?.path, './syntaxes/vn-article.tmLanguage.json');
  const server = entries.find((e) => e.name === 'extension/dist/server-main.js');
  assert.ok(server && server.read().length > 10_000, 'server bundle is not empty');
  const entry = entries.find((e) => e.name === 'extension/dist/server.js')?.read().toString('utf8') ?? '';
  assert.match(entry, /server-main\.js/u, 'the server entry point starts the bundle');
  assert.match(entry, /server-features\.js/u, 'the server entry point loads the feature bundle');
});
