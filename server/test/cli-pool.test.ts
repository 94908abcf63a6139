import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { run } from '../src/cli/main';
import { analyseInPool, startPool } from '../src/node/analysis-pool';
import { defaultCacheFile, hashFile, type FileToHash } from '../src/node/corpus-index';
import type { FileAnalysis } from '../src/node/corpus';
import { hashKey, LineFrequencyIndex } from '../src/core/corpus/line-frequency';
import { packRecurrence, PackedRecurrenceIndex } from '../src/node/shared-recurrence';

const REPO = path.join(__dirname, '..', '..', '..');
const SEEDS = path.join(REPO, 'seeds');
const FIXTURES = path.join(REPO, 'server', 'test', 'fixtures');
const CORPORA = path.join(REPO, 'server', 'test', 'corpora');
const SHARED_CORPUS = path.join(REPO, '..', 'shared', 'corpus');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

/** Every command that analyses files through the run context, in each of its formats. */
const COMMANDS: readonly string[][] = [
  ['lint', '--format', 'text'], ['lint', '--format', 'json'], ['lint', '--format', 'sarif'],
  ['refs', '--format', 'text'], ['refs', '--format', 'json'],
  ['outline', '--format', 'text'], ['outline', '--format', 'json'],
  ['report', '--format', 'json'],
  ['fix', '--dry-run'],
];

/** Stderr without the index line, which only says whether the cache was there. */
function withoutIndexLine(err: string): string {
  return err.replace(/^index: from cache[^\n]*\n/mu, '');
}

async function assertSameOnWorkers(paths: readonly string[]): Promise<void> {
  for (const command of COMMANDS) {
    const [name, ...options] = command;
    const argv = [name ?? '', ...paths, ...options, '--lang', 'en'];
    const one = await capture([...argv, '--jobs', '1']);
    assert.ok(one.out.length > 0, `${command.join(' ')} prints something`);
    for (const jobs of ['2', '3']) {
      const many = await capture([...argv, '--jobs', jobs]);
      assert.equal(many.code, one.code, `${command.join(' ')} --jobs ${jobs}: exit code`);
      assert.ok(many.out === one.out, `${command.join(' ')} --jobs ${jobs}: stdout is byte-identical to --jobs 1`);
      assert.equal(withoutIndexLine(many.err), withoutIndexLine(one.err), `${command.join(' ')} --jobs ${jobs}: stderr`);
    }
  }
}

test('every command prints byte for byte the same on worker threads as in one thread (seeds, fixtures, test corpora)', async () => {
  await assertSameOnWorkers([SEEDS, FIXTURES, CORPORA]);
});

test('the same on the shared development corpus', async (t) => {
  if (!fs.existsSync(SHARED_CORPUS)) {
    t.skip('../shared/corpus is absent, so the pool is not compared with one thread on it');
    console.log('# skipped: ../shared/corpus is absent');
    return;
  }
  await assertSameOnWorkers([SHARED_CORPUS]);
});

/** Copies of the seeds and fixtures, `perFolder` to each of `folders` folders, each copy with a line of its own. */
function copiedCorpus(folders: number, perFolder: number): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-pool-copies-'));
  const sources = [SEEDS, FIXTURES].flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(d, n), 'utf8')));
  const files: string[] = [];
  for (let f = 0; f < folders; f++) {
    fs.mkdirSync(path.join(dir, `d${f}`));
    for (let i = 0; i < perFolder; i++) {
      const file = path.join(dir, `d${f}`, `${String(i).padStart(4, '0')}.txt`);
      fs.writeFileSync(file, `${sources[(f * perFolder + i) % sources.length]}\nBản sao ${f}-${i}\n`);
      files.push(file);
    }
  }
  return { dir, files };
}

test('a run that indexes on worker threads (no index cache) prints what one thread prints', async () => {
  const { dir } = copiedCorpus(3, 200);
  const cacheFile = defaultCacheFile(dir, undefined);
  for (const command of [['lint', '--format', 'json'], ['refs', '--format', 'json'], ['outline', '--format', 'json']]) {
    const runs = [];
    for (const jobs of ['1', '2', '3']) {
      fs.rmSync(cacheFile, { force: true });
      runs.push(await capture([command[0] ?? '', dir, ...command.slice(1), '--lang', 'en', '--jobs', jobs]));
    }
    const [one, ...many] = runs;
    assert.ok((one?.out.length ?? 0) > 1000, `${command.join(' ')} prints findings`);
    for (const [k, r] of many.entries()) {
      assert.doesNotMatch(r.err, /from cache/u, 'the index was built, not read from the cache');
      assert.ok(r.out === one?.out, `${command.join(' ')} --jobs ${k + 2}: the same output as one thread`);
      assert.equal(r.code, one?.code);
    }
  }
});

test('the pool reads and hashes files for the index as this thread does, in order; a worker that stops meanwhile is replaced', async () => {
  const { dir, files } = copiedCorpus(3, 150);
  fs.writeFileSync(path.join(dir, 'd1', 'binary.txt'), Buffer.from([0x00, 0xff, 0x01]));
  const list: FileToHash[] = [...files, path.join(dir, 'd1', 'binary.txt'), path.join(dir, 'd2', 'gone.txt')].map((file) => ({ file, size: fs.existsSync(file) ? fs.statSync(file).size : 0 }));
  // The second batch, the first a worker gets (this thread takes the first), holds the file that stops its worker.
  const crashing = files[140] ?? '';
  const script = path.join(dir, 'crashing-worker.js');
  fs.writeFileSync(script, [
    "const fs = require('node:fs');",
    'const readFileSync = fs.readFileSync;',
    `fs.readFileSync = (file, ...rest) => { if (String(file) === ${JSON.stringify(crashing)}) process.exit(9); return readFileSync(file, ...rest); };`,
    `require(${JSON.stringify(path.join(__dirname, '..', 'src', 'node', 'analysis-worker.js'))});`,
  ].join('\n'));
  const stops: string[] = [];
  const pool = startPool({ workers: 2, locale: 'en', onWorkerStopped: (m) => stops.push(m), workerScript: script });
  try {
    for (const withTexts of [true, false]) {
      const hashed = [];
      for await (const h of pool.hash(list, withTexts)) hashed.push(h);
      assert.deepEqual(hashed, list.map((f) => hashFile(f, withTexts)), `withTexts ${withTexts}: the answers of this thread, in order`);
    }
  } finally {
    await pool.close();
  }
  assert.ok(stops.length >= 1 && stops.every((m) => /^analysis worker stopped \(exit code 9\)/u.test(m)), stops.join('\n'));
});

test('a file that cannot be read is reported and skipped on workers as in one thread, with exit code 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-pool-bad-'));
  for (const name of fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, '003_binary.txt'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
  const one = await capture(['lint', dir, '--format', 'json', '--jobs', '1']);
  const two = await capture(['lint', dir, '--format', 'json', '--jobs', '2']);
  assert.equal(one.code, 2);
  assert.equal(two.code, 2);
  assert.match(two.err, /003_binary\.txt: .+; skipped/u);
  assert.equal(two.out, one.out);
  assert.equal(withoutIndexLine(two.err), withoutIndexLine(one.err));
});

test('a second run reads the index from the cache, and a changed file is read again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-pool-cache-'));
  const names = fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt'));
  for (const name of names) fs.copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  const cacheFile = defaultCacheFile(dir, undefined);
  fs.rmSync(cacheFile, { force: true });
  const first = await capture(['lint', dir, '--lang', 'en']);
  assert.doesNotMatch(first.err, /from cache/u);
  assert.ok(fs.existsSync(cacheFile), 'the first run leaves the index cache where the server keeps it for this folder');
  const second = await capture(['lint', dir, '--lang', 'en']);
  assert.match(second.err, new RegExp(`^index: from cache, ${names.length} files unchanged\\n`, 'u'));
  assert.equal(second.out, first.out);
  const vi = await capture(['lint', dir, '--lang', 'vi']);
  assert.match(vi.err, new RegExp(`^chỉ mục: lấy từ bộ nhớ đệm, ${names.length} tệp không đổi\\n`, 'u'));

  // The same boilerplate line in every file: recurring only once the changed file's new lines are counted.
  const changed = path.join(dir, names[0] ?? '');
  const line = 'Đọc thêm tin tức tại chuyên mục Thời sự hằng ngày';
  for (const name of names.slice(1)) fs.appendFileSync(path.join(dir, name), `\n${line}\n`);
  const before = await capture(['lint', dir, '--lang', 'en', '--format', 'json']);
  fs.appendFileSync(changed, `\n${line}\n`);
  const after = await capture(['lint', dir, '--lang', 'en', '--format', 'json']);
  assert.match(after.err, new RegExp(`^index: from cache, ${names.length - 1} files unchanged, 1 read again\\n`, 'u'));
  fs.rmSync(cacheFile, { force: true });
  const fresh = await capture(['lint', dir, '--lang', 'en', '--format', 'json']);
  assert.doesNotMatch(fresh.err, /from cache/u);
  assert.equal(after.out, fresh.out, 'the cached run finds what a run without the cache finds');
  assert.notEqual(after.out, before.out, 'the changed file changed the findings');
});

test('a worker that stops is reported, its files are analysed again, and a file that stops it twice is reported, none lost', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-pool-crash-'));
  const names = fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt'));
  const files = names.map((name) => {
    fs.copyFileSync(path.join(SEEDS, name), path.join(dir, name));
    return path.join(dir, name);
  });
  // In a folder of its own, so no other file reads it as a neighbour.
  fs.mkdirSync(path.join(dir, 'other'));
  const crashing = path.join(dir, 'other', '003_crash.txt');
  fs.copyFileSync(files[0] ?? '', crashing);
  files.splice(3, 0, crashing);
  // The real worker, except that it exits when it reads the crashing file.
  const script = path.join(dir, 'crashing-worker.js');
  fs.writeFileSync(script, [
    "const fs = require('node:fs');",
    'const readFileSync = fs.readFileSync;',
    "fs.readFileSync = (file, ...rest) => { if (String(file).endsWith('003_crash.txt')) process.exit(7); return readFileSync(file, ...rest); };",
    `require(${JSON.stringify(path.join(__dirname, '..', 'src', 'node', 'analysis-worker.js'))});`,
  ].join('\n'));
  const stops: string[] = [];
  const results: FileAnalysis[] = [];
  for await (const r of analyseInPool(files, { jobs: 2, parts: ['findings'], locale: 'en', recurrence: undefined, sites: undefined, onWorkerStopped: (m) => stops.push(m), workerScript: script })) results.push(r);
  assert.deepEqual(results.map((r) => r.file), files, 'every file comes back, in input order');
  const lost = results.filter((r) => 'problem' in r);
  assert.deepEqual(lost.map((r) => r.file), [crashing]);
  assert.match((lost[0] as { problem: string }).problem, /analysis worker stopped while analysing it \(exit code 7\)/u);
  assert.ok(stops.length >= 2 && stops.every((m) => /^analysis worker stopped \(exit code 7\)/u.test(m)), stops.join('\n'));
  assert.ok(results.filter((r) => 'analysis' in r).every((r) => 'analysis' in r && r.analysis.doc.text.length > 0));
});

test('the packed index the workers share answers as the index it was packed from', () => {
  const index = new LineFrequencyIndex();
  const keys = ['trang chủ', 'thời sự', 'bình luận', 'chia sẻ', 'đọc thêm'];
  // Six files holding overlapping lines, so some lines have more files than the four samples kept.
  for (let f = 0; f < 6; f++) index.setFile(`/corpus/ấp-${f}.txt`, Uint32Array.from(keys.filter((_, k) => (f + k) % 5 !== 0).map(hashKey)));
  const packed = new PackedRecurrenceIndex(packRecurrence(index));
  assert.equal(packed.fileCount, index.fileCount);
  for (const key of [...keys, 'không có']) {
    assert.equal(packed.filesWith(key), index.filesWith(key), key);
    for (const except of [undefined, '/corpus/ấp-1.txt']) assert.deepEqual(packed.sampleFiles(key, except, 3), index.sampleFiles(key, except, 3), key);
  }
});
