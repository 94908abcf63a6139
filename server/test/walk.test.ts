import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { collectFiles, collectFilesBelow } from '../src/node/walk';

/** A tree with .gitignore files at the root and in a folder, a dot folder and node_modules. */
function tree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-walk-'));
  const files = [
    'crawl/site-a/page-1.txt', 'crawl/site-a/page-2.txt', 'crawl/site-a/draft/page-3.txt', 'crawl/site-a/skip.txt',
    'crawl/site-b/page-1.txt', 'crawl/old/page-1.txt', 'crawl/site-a/notes.md',
    '.cache/site-c/page-1.txt', 'node_modules/x/page-1.txt', 'build/site-d/page-1.txt',
  ];
  for (const file of files) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'Bài\n');
  }
  fs.writeFileSync(path.join(root, '.gitignore'), 'build/\nskip.txt\n');
  fs.writeFileSync(path.join(root, 'crawl', '.gitignore'), 'old/\n');
  return root;
}

test('a folder lists the files a walk of the whole tree lists below it, honouring the .gitignore files above it', async () => {
  const root = tree();
  const all = await collectFiles([root]);
  for (const folder of ['crawl', 'crawl/site-a', 'crawl/site-a/draft', 'crawl/site-b', 'crawl/old', 'build/site-d', '.cache/site-c', 'node_modules/x']) {
    const dir = path.join(root, folder);
    const below = all.filter((f) => f.startsWith(dir + path.sep));
    assert.deepEqual(await collectFilesBelow(root, dir), below, folder);
  }
  assert.deepEqual((await collectFilesBelow(root, path.join(root, 'crawl', 'site-a'))).map((f) => path.relative(root, f)), [
    path.join('crawl', 'site-a', 'draft', 'page-3.txt'), path.join('crawl', 'site-a', 'page-1.txt'), path.join('crawl', 'site-a', 'page-2.txt'),
  ]);
  assert.deepEqual(await collectFilesBelow(root, path.join(root, 'build', 'site-d')), [], 'an ignored folder lists nothing');
});

test('a folder outside the root is listed on its own', async () => {
  const root = tree();
  const outside = tree();
  const dir = path.join(outside, 'crawl', 'site-b');
  assert.deepEqual(await collectFilesBelow(root, dir), [path.join(dir, 'page-1.txt')]);
});
