import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { loadWithCodeCache } from '../src/node/code-cache';

const KEY = '0123456789abcdef';
const savedEnv = { override: process.env.VN_CORPUS_CODE_CACHE, xdg: process.env.XDG_CACHE_HOME };
let root = '';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-code-cache-'));
  delete process.env.VN_CORPUS_CODE_CACHE;
  process.env.XDG_CACHE_HOME = path.join(root, 'user-cache');
});

afterEach(() => {
  restore('VN_CORPUS_CODE_CACHE', savedEnv.override);
  restore('XDG_CACHE_HOME', savedEnv.xdg);
  fs.rmSync(root, { recursive: true, force: true });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** A bundle that says where it runs from and computes something, in a folder of its own. */
function bundle(): string {
  const dir = path.join(root, 'dist');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, 'exports.answer = [6, 7].reduce((a, b) => a * b, 1);\nexports.dir = __dirname;\nexports.path = require("node:path").sep;\n');
  return file;
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : [];
}

function exportsOf(loaded: { exports: unknown }): { answer: number; dir: string; path: string } {
  return loaded.exports as { answer: number; dir: string; path: string };
}

test('the first start compiles and stores the code next to the bundle; the next start takes it', () => {
  const file = bundle();
  const first = loadWithCodeCache(file, KEY, require);
  assert.equal(first.fromCache, false);
  assert.deepEqual(exportsOf(first), { answer: 42, dir: path.dirname(file), path: path.sep });
  assert.deepEqual(cacheFiles(path.dirname(file)), []);
  first.save();
  assert.equal(cacheFiles(path.dirname(file)).length, 1);
  const second = loadWithCodeCache(file, KEY, require);
  assert.equal(second.fromCache, true);
  assert.deepEqual(exportsOf(second), exportsOf(first));
});

test('a damaged or truncated cache is ignored, the bundle still runs, and saving replaces it', () => {
  const file = bundle();
  loadWithCodeCache(file, KEY, require).save();
  const [name] = cacheFiles(path.dirname(file));
  assert.ok(name);
  const cache = path.join(path.dirname(file), name);
  const bytes = fs.readFileSync(cache);
  for (const damaged of [Buffer.from(bytes.map((b, i) => (i > 40 && i % 7 === 0 ? b ^ 0xff : b))), bytes.subarray(0, 30), Buffer.alloc(0)]) {
    fs.writeFileSync(cache, damaged);
    const loaded = loadWithCodeCache(file, KEY, require);
    assert.equal(loaded.fromCache, false);
    assert.equal(exportsOf(loaded).answer, 42);
    loaded.save();
    assert.equal(loadWithCodeCache(file, KEY, require).fromCache, true);
  }
});

test('a cache stored for another build of the bundle is not taken, and the new build removes it', () => {
  const file = bundle();
  loadWithCodeCache(file, 'aaaaaaaaaaaaaaaa', require).save();
  const other = loadWithCodeCache(file, KEY, require);
  assert.equal(other.fromCache, false);
  other.save();
  const names = cacheFiles(path.dirname(file));
  assert.equal(names.length, 1);
  assert.ok(names[0]?.includes(KEY), names[0]);
});

test('when the bundle folder refuses the cache, it goes to the user cache folder and is read from there', () => {
  const file = bundle();
  const first = loadWithCodeCache(file, KEY, require);
  // A folder in the way of the temporary file makes the write fail, as a read-only folder would (even for root).
  const blocked = path.join(path.dirname(file), `bundle.js.${KEY}.${process.version}-${process.arch}.v8cache.${process.pid}.tmp`);
  fs.mkdirSync(blocked);
  first.save();
  assert.deepEqual(cacheFiles(path.dirname(file)), []);
  const userFolder = path.join(root, 'user-cache', 'vn-corpus');
  assert.equal(cacheFiles(userFolder).length, 1);
  assert.equal(loadWithCodeCache(file, KEY, require).fromCache, true);
});

test('VN_CORPUS_CODE_CACHE=off neither reads nor writes a cache; a folder name puts the cache there', () => {
  const file = bundle();
  process.env.VN_CORPUS_CODE_CACHE = 'off';
  const off = loadWithCodeCache(file, KEY, require);
  off.save();
  assert.equal(exportsOf(off).answer, 42);
  assert.deepEqual(cacheFiles(path.dirname(file)), []);
  const elsewhere = path.join(root, 'elsewhere');
  process.env.VN_CORPUS_CODE_CACHE = elsewhere;
  loadWithCodeCache(file, KEY, require).save();
  assert.equal(cacheFiles(elsewhere).length, 1);
  assert.deepEqual(cacheFiles(path.dirname(file)), []);
  assert.equal(loadWithCodeCache(file, KEY, require).fromCache, true);
});
