import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildIndex } from '../src/node/corpus-index';

function corpus(count: number): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-index-'));
  const files = Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `a${i}.txt`);
    fs.writeFileSync(file, `Bài ${i}\nCổng thông tin điện tử\nNội dung riêng số ${i}.\n`);
    return file;
  });
  return { dir, files };
}

test('the index counts shared lines, reuses its cache for unchanged files, and skips files deleted meanwhile', async () => {
  const { dir, files } = corpus(6);
  const cache = path.join(dir, 'cache', 'index.json');
  const first = await buildIndex(files, cache, () => false, () => undefined);
  assert.equal(first?.filesWith('cổng thông tin điện tử'), 6);
  fs.rmSync(files[0] ?? '');
  fs.writeFileSync(files[1] ?? '', 'Bài đã sửa\n');
  let fromCache = -1;
  const second = await buildIndex(files, cache, () => false, (p) => { fromCache = p.fromCache; });
  assert.equal(second?.fileCount, 5, 'the deleted file is skipped');
  assert.equal(second?.filesWith('cổng thông tin điện tử'), 4);
  assert.equal(fromCache, 4, 'four unchanged files came from the cache');
});

test('a cancelled build returns nothing and a broken cache file is ignored', async () => {
  const { dir, files } = corpus(3);
  assert.equal(await buildIndex(files, undefined, () => true, () => undefined), undefined);
  const cache = path.join(dir, 'broken.json');
  fs.writeFileSync(cache, '{ not json');
  assert.equal((await buildIndex(files, cache, () => false, () => undefined))?.fileCount, 3);
});

test('a cache of the older whole-JSON format is ignored, not misread', async () => {
  const { dir, files } = corpus(3);
  const cache = path.join(dir, 'old.json');
  const stat = fs.statSync(files[0] ?? '');
  // The older format, with hashes that would count a line the file does not hold.
  const wrong = Buffer.from(Uint32Array.from([1, 2, 3]).buffer).toString('base64');
  fs.writeFileSync(cache, JSON.stringify({ version: 1, files: { [files[0] ?? '']: { mtimeMs: stat.mtimeMs, size: stat.size, hashes: wrong } } }));
  let fromCache = -1;
  const index = await buildIndex(files, cache, () => false, (p) => { fromCache = p.fromCache; });
  assert.equal(fromCache, 0);
  assert.equal(index?.filesWith('cổng thông tin điện tử'), 3);
  assert.match(fs.readFileSync(cache, 'utf8'), /^\{"version":2\}\n/u, 'rewritten in the current format');
});
