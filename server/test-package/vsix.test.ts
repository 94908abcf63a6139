import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
    'extension/dist/server-main.js', 'extension/dist/server-features.js', 'extension/dist/cli.js', 'extension/dist/cli-main.js', 'extension/dist/analysis-worker.js', 'extension/syntaxes/vn-article.tmLanguage.json', 'extension/language-configuration.json',
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

test('the CLI inside the .vsix runs on its own, on one thread and with a worker, and both give the same findings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-vsix-'));
  for (const entry of readZip(fs.readFileSync(VSIX))) {
    if (entry.name.endsWith('/')) continue;
    const file = path.join(dir, entry.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.read());
  }
  // The seeds in a few folders: the pool hands out a folder's files as one batch, so a worker gets some.
  const corpus = path.join(dir, 'corpus');
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds'));
  for (const folder of ['a', 'b', 'c', 'd']) {
    fs.mkdirSync(path.join(corpus, folder), { recursive: true });
    for (const seed of seeds) fs.copyFileSync(path.join(ROOT, 'seeds', seed), path.join(corpus, folder, seed));
  }
  const lint = (jobs: string): string => {
    const run = spawnSync(process.execPath, [path.join(dir, 'extension', 'bin', 'vn-corpus'), 'lint', corpus, '--format', 'json', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
    assert.equal(run.status, 1, `--jobs ${jobs}: exit ${run.status}, ${run.stderr}`);
    return run.stdout;
  };
  const one = lint('1');
  assert.equal((JSON.parse(one) as unknown[]).length, 4 * seeds.length, 'a result per file');
  assert.equal(lint('2'), one);
});
