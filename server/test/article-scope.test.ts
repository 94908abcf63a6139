import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { inArticleScope, isArticleFile } from '../src/node/article-scope';
import { matchesAnyGlob } from '../src/node/globs';

const ROOT = path.join(path.sep, 'ws');
const at = (rel: string): string => path.join(ROOT, ...rel.split('/'));

test('globs match brace sets, ** at any depth, and workspace-relative or absolute paths', () => {
  assert.ok(matchesAnyGlob(['**/{drafts,tmp}/**'], 'crawl/drafts/a.txt', at('crawl/drafts/a.txt')));
  assert.ok(matchesAnyGlob(['**/{drafts,tmp}/**'], 'tmp/x/y.txt', at('tmp/x/y.txt')));
  assert.ok(!matchesAnyGlob(['**/{drafts,tmp}/**'], 'crawl/final/a.txt', at('crawl/final/a.txt')));
  assert.ok(matchesAnyGlob(['crawl/*.txt'], 'crawl/a.txt', at('crawl/a.txt')));
  assert.ok(!matchesAnyGlob(['crawl/*.txt'], 'crawl/sub/a.txt', at('crawl/sub/a.txt')));
  assert.ok(matchesAnyGlob([`${ROOT.split(path.sep).join('/')}/notes/**/*.txt`], 'notes/a/b.txt', at('notes/a/b.txt')));
});

test('articles: seeds/ and corpus/, the user globs, and every .txt file below the folder of an opened article', () => {
  const none = { articleGlobs: [], articleFolders: [] };
  assert.ok(isArticleFile(ROOT, at('seeds/a.txt'), none));
  assert.ok(isArticleFile(ROOT, at('x/corpus/b.txt'), none));
  assert.ok(!isArticleFile(ROOT, at('crawl/site-a/p1.txt'), none));
  assert.ok(!isArticleFile(ROOT, at('seeds/a.md'), none));
  const opened = { articleGlobs: [], articleFolders: [at('crawl/site-a')] };
  assert.ok(isArticleFile(ROOT, at('crawl/site-a/p1.txt'), opened));
  assert.ok(isArticleFile(ROOT, at('crawl/site-a/2017/p2.txt'), opened));
  assert.ok(!isArticleFile(ROOT, at('crawl/site-b/p1.txt'), opened), 'a sibling folder stays out');
  assert.ok(!isArticleFile(ROOT, at('crawl/site-ab/p1.txt'), opened), 'a folder whose name merely starts the same stays out');
  assert.ok(isArticleFile(ROOT, at('crawl/site-b/p1.txt'), { articleGlobs: ['crawl/**/*.txt'], articleFolders: [] }));
});

test('files.exclude leaves out an excluded folder and everything below it', () => {
  const scope = { articleGlobs: [], articleFolders: [], excludeGlobs: ['**/old'] };
  assert.ok(inArticleScope(ROOT, at('corpus/a.txt'), scope));
  assert.ok(!inArticleScope(ROOT, at('corpus/old/a.txt'), scope));
  assert.ok(!inArticleScope(ROOT, at('corpus/old/deeper/a.txt'), scope));
});
