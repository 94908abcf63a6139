import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildIndex, hashFile, type FileToHash, type HashedFile } from '../src/node/corpus-index';
import { nextTurn } from '../src/node/scheduler';

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

test('the cache is found by path whatever the order of the files, and keeps the hashes of each file apart', async () => {
  const { dir, files } = corpus(5);
  const cache = path.join(dir, 'cache.json');
  const first = await buildIndex(files, cache, () => false, () => undefined);
  const reversed = [...files].reverse();
  // A file the cache never saw, between two it knows, and a duplicate entry of the cache for one file.
  const added = path.join(dir, 'new.txt');
  fs.writeFileSync(added, 'Cổng thông tin điện tử\nBài mới.\n');
  fs.appendFileSync(cache, `${fs.readFileSync(cache, 'utf8').split('\n')[1] ?? ''}\n`);
  let progress = { fromCache: -1, total: -1 };
  const second = await buildIndex([...reversed.slice(0, 2), added, ...reversed.slice(2)], cache, () => false, (p) => { progress = p; });
  assert.deepEqual(progress, { done: 6, total: 6, fromCache: 5 });
  assert.equal(second?.filesWith('cổng thông tin điện tử'), 6);
  for (const [i, file] of files.entries()) {
    assert.equal(second?.filesWith(`nội dung riêng số ${i}.`), 1, `${path.basename(file)} keeps its own line`);
    assert.deepEqual(second?.sampleFiles(`nội dung riêng số ${i}.`, undefined, 5), first?.sampleFiles(`nội dung riêng số ${i}.`, undefined, 5));
  }
});

test('an index whose files another reader reads (as a pool of threads does) is the one this thread builds', async () => {
  const { dir, files } = corpus(150);
  fs.writeFileSync(path.join(dir, 'a7.txt'), Buffer.from([0x00, 0x01, 0x02]));
  fs.rmSync(path.join(dir, 'a9.txt'));
  const texts = new Map<string, string>();
  const here = await buildIndex(files, undefined, () => false, () => undefined, (file, text) => texts.set(file, text));
  const asked: FileToHash[] = [];
  // Answers each file on a later turn, in order, as the pool does.
  const elsewhere = async function* (list: readonly FileToHash[]): AsyncGenerator<HashedFile> {
    for (const file of list) {
      asked.push(file);
      await nextTurn();
      yield hashFile(file, true);
    }
  };
  const textsElsewhere = new Map<string, string>();
  const there = await buildIndex(files, undefined, () => false, () => undefined, (file, text) => textsElsewhere.set(file, text), elsewhere);
  assert.deepEqual([...(there?.entries() ?? [])], [...(here?.entries() ?? [])]);
  assert.equal(there?.fileCount, 148, 'the binary and the deleted file are left out');
  assert.deepEqual(textsElsewhere, texts);
  assert.deepEqual(asked.map((f) => f.file), files.filter((f) => !f.endsWith('a9.txt')), 'every file that exists is given to the reader, with its size');
  assert.equal(asked[0]?.size, fs.statSync(files[0] ?? '').size);

  const short = async function* (list: readonly FileToHash[]): AsyncGenerator<HashedFile> {
    yield* list.slice(1).map((f) => hashFile(f, false));
  };
  await assert.rejects(buildIndex(files, undefined, () => false, () => undefined, undefined, short), /answered fewer files/u);
});
