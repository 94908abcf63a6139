import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FILE_COMMANDS, run } from '../src/cli/main';
import { analysisNeeded } from '../src/node/analysis-pool';

const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

test('lint --format json prints the findings of each file with 0-based UTF-16 ranges and exits 1 on findings', async () => {
  const { code, out } = (await capture(['lint', SEEDS, '--format', 'json']));
  assert.equal(code, 1);
  const files = JSON.parse(out) as { uri: string; findings: { range: { start: { line: number; character: number } }; ruleId: string; severity: string; tier: string }[] }[];
  assert.equal(files.length, 5);
  const seed2 = files.find((f) => f.uri.endsWith('002_cc6c1fb2d5522765.txt'));
  const counter = seed2?.findings.find((d) => d.ruleId === 'boilerplate/view-counter');
  assert.deepEqual(counter?.range.start, { line: 3, character: 0 });
  assert.equal(counter?.severity, 'warning');
  assert.equal(counter?.tier, 'certain');
});

test('lint --format sarif is SARIF 2.1.0', async () => {
  const { out } = (await capture(['lint', path.join(SEEDS, '002_cc6c1fb2d5522765.txt'), '--format=sarif']));
  const sarif = JSON.parse(out) as { version: string; runs: { results: { ruleId: string }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0]?.results.some((r) => r.ruleId === 'boilerplate/view-counter'));
});

test('usage errors exit 2 with a clear message', async () => {
  assert.equal((await capture(['lint'])).code, 2);
  assert.match((await capture(['lint', '/no/such/path'])).err, /no such file or folder: \/no\/such\/path/u);
  assert.equal((await capture(['frobnicate'])).code, 2);
  assert.match((await capture(['lint', SEEDS, '--format', 'xml'])).err, /--format must be one of/u);
  assert.equal((await capture(['lint', '--help'])).code, 0);
});

test('a clean file exits 0; a binary or non-UTF-8 file is reported and exits 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-cli-'));
  fs.writeFileSync(path.join(dir, 'clean.txt'), 'Ban Tuyên giáo tổ chức hội nghị.\n');
  assert.equal((await capture(['lint', path.join(dir, 'clean.txt')])).code, 0);
  fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x54, 0x75, 0xff, 0xfe, 0x0a]));
  const bad = (await capture(['lint', path.join(dir, 'bad.txt')]));
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not valid UTF-8/u);
});

test('folders are walked for .txt files honouring .gitignore and skipping node_modules', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-walk-'));
  for (const f of ['a.txt', 'skip/b.txt', 'node_modules/c.txt', 'd.md', 'sub/e.txt']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), 'Lượt xem: 1\n');
  }
  fs.writeFileSync(path.join(dir, '.gitignore'), 'skip/\n');
  const { out } = (await capture(['lint', dir, '--format', 'json']));
  const names = (JSON.parse(out) as { uri: string }[]).map((f) => path.basename(decodeURIComponent(f.uri))).sort();
  assert.deepEqual(names, ['a.txt', 'e.txt']);
});

test('fix removes certain boilerplate, keeps BOM and CRLF, and a second run changes nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-fix-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, '\uFEFFTiêu đề\r\nLượt xem: 270\r\n\r\nNội dung bài viết.\r\n');
  const dry = (await capture(['fix', file, '--dry-run']));
  assert.equal(dry.code, 1);
  assert.match(dry.out, /^-Lượt xem: 270/mu);
  assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFTiêu đề\r\nLượt xem: 270\r\n\r\nNội dung bài viết.\r\n', 'dry run writes nothing');
  assert.equal((await capture(['fix', file])).code, 1);
  assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFTiêu đề\r\n\r\nNội dung bài viết.\r\n');
  assert.equal((await capture(['fix', file])).code, 0);
});

test('outline and refs print JSON with ranges', async () => {
  const outline = JSON.parse((await capture(['outline', path.join(SEEDS, '002_cc6c1fb2d5522765.txt'), '--format', 'json'])).out) as { meetings: { date: { iso: string } | null }[] }[];
  assert.ok(outline[0]?.meetings.some((m) => m.date?.iso === '2020-12-22'));
  const refs = JSON.parse((await capture(['refs', path.join(SEEDS, '003_9988729691b86d37.txt'), '--format', 'json'])).out) as { references: { id?: string }[] }[];
  assert.ok(refs[0]?.references.some((r) => r.id === 'organization:BCĐ35:province:Sơn La'));
});

test('a command gets whole analyses exactly when the parts it reads include years or meetings, in this thread as on workers', () => {
  for (const [name, command] of Object.entries(FILE_COMMANDS)) assert.equal(command.needs, analysisNeeded(command.reads), name);
});
