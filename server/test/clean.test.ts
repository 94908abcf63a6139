import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { analyze } from '../src/core/analyze';
import { applyFixAll } from '../src/core/fix-all';
import { LineCounts, parseLineCountsLine } from '../src/core/corpus/line-counts';
import { runClean } from '../src/cli/commands/clean';
import { readLines } from '../src/node/jsonl';

const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');
const SEED_FILES = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedText = (name: string): string => fs.readFileSync(path.join(SEEDS, name), 'utf8');

interface Removed { line: number; lines: number; start: number; end: number; rule: string; tier: string; text: string }
interface OutRecord { id: string | number; text: string; removed: Removed[]; findings: { rule: string; tier: string; line: number }[]; meta: Record<string, unknown>; [k: string]: unknown }

/** Runs `clean` with the given standard input and returns exit code, stdout and stderr. */
async function clean(argv: string[], stdin: string | Buffer = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const chunks: Buffer[] = [];
  const stdout = new Writable({ highWaterMark: 64, write(chunk: Buffer, _enc, done) { chunks.push(Buffer.from(chunk)); setImmediate(done); } });
  const input = Readable.from([typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin]);
  const code = await runClean(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false }, { stdin: input, stdout });
  await new Promise<void>((resolve) => stdout.end(resolve));
  out += Buffer.concat(chunks).toString('utf8');
  return { code, out, err };
}

const jsonl = (records: readonly unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const parseOut = (out: string): OutRecord[] => out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as OutRecord);

/** The original text with the removed spans taken out (and replaced where a span says so). */
function withoutRemoved(text: string, removed: readonly Removed[]): string {
  let result = '';
  let at = 0;
  for (const r of removed) {
    assert.ok(r.start >= at, 'removed spans are in order and do not overlap');
    assert.equal(text.slice(r.start, r.end), r.text, 'a removed span quotes the original');
    result += text.slice(at, r.start);
    at = r.end;
  }
  return result + text.slice(at);
}

test('clean - reads JSON Lines: one record out per record in, text as fix-all leaves it, other fields kept', async () => {
  const records = SEED_FILES.map((f, i) => ({ source: 'seed', id: f, n: i, text: seedText(f) }));
  const { code, out, err } = await clean(['-'], jsonl(records));
  assert.equal(code, 1, err);
  const got = parseOut(out);
  assert.deepEqual(got.map((r) => r.id), SEED_FILES);
  for (const [i, r] of got.entries()) {
    const input = records[i];
    assert.ok(input);
    assert.deepEqual(Object.keys(r).slice(0, 4), ['source', 'id', 'n', 'text'], 'input fields keep their order');
    assert.equal(r.source, 'seed');
    assert.equal(r.n, i);
    assert.equal(r.text, applyFixAll(analyze(input.text)), `${r.id}: clean equals fix-all`);
    assert.equal(withoutRemoved(input.text, r.removed), r.text, `${r.id}: the removed spans account for every change`);
    for (const x of r.removed) assert.equal(x.tier, 'certain');
  }
  const seed2 = got.find((r) => r.id === '002_cc6c1fb2d5522765.txt');
  const counter = seed2?.removed.find((x) => x.rule === 'boilerplate/view-counter');
  assert.deepEqual(counter && { ...counter, start: 0, end: 0 }, { line: 3, lines: 1, start: 0, end: 0, rule: 'boilerplate/view-counter', tier: 'certain', text: 'Lượt xem: 270\n' });
  assert.match(err, /^clean: 5 records \(0 bad\), \d+ lines removed \(.*boilerplate\/view-counter 1.*\), \d+\.\d\d s$/mu);
});

test('meta carries the title, the date with its evidence line, the province, meetings and resolved references', async () => {
  const { out } = await clean(['-'], jsonl(SEED_FILES.map((f) => ({ id: f, text: seedText(f) }))));
  const byId = new Map(parseOut(out).map((r) => [r.id, r]));
  const seed2 = byId.get('002_cc6c1fb2d5522765.txt')?.meta as { title: string; province: string; meetings: { date?: { iso: string }; organizer?: { name: string } }[] };
  assert.equal(seed2.title, 'Ban Tuyên giáo Tỉnh ủy triển khai nhiệm vụ năm 2021');
  assert.equal(seed2.province, 'Hà Nam');
  assert.ok(seed2.meetings.some((m) => m.date?.iso === '2020-12-22' && m.organizer?.name === 'Ban Tuyên giáo Tỉnh ủy'));
  const seed4 = byId.get('004_a3928af7079e8ada.txt')?.meta as { date?: string; dateEvidence?: { line: number; text: string } };
  assert.ok(seed4.date && seed4.dateEvidence, 'a dated seed gives its date line');
  assert.equal(seed4.dateEvidence.text.includes(seed4.date.slice(0, 4)), true);
  const seed3 = byId.get('003_9988729691b86d37.txt')?.meta as { references: { resolution: { status: string; id?: string } }[] };
  assert.ok(seed3.references.some((r) => r.resolution.status === 'resolved' && r.resolution.id === 'organization:BCĐ35:province:Sơn La'));
});

test('bad records are reported with their line number, passed through unchanged, and the run goes on', async () => {
  const good = { id: 'ok', text: 'Tiêu đề bài\nLượt xem: 12\n\nNội dung bài viết về hội nghị.\n' };
  const lines = [
    JSON.stringify(good),
    'this is not json',
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify({ id: 'nul', text: 'a\u0000b' }),
    JSON.stringify([1, 2]),
    JSON.stringify({ text: 'no id' }),
    '{"id":"lone","text":"\\ud800x"}',
    '',
    JSON.stringify({ ...good, id: 'after' }),
  ];
  const input = Buffer.concat([Buffer.from(lines.slice(0, 7).join('\n') + '\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(lines.slice(7).join('\n'))]);
  const { code, out, err } = await clean(['-'], input);
  assert.equal(code, 2);
  const outLines = out.split('\n').filter((l) => l !== '');
  assert.equal(outLines.length, 9, 'every non-blank input line gives one output line');
  assert.equal(outLines[1], 'this is not json');
  assert.equal(outLines[2], lines[2]);
  assert.equal(outLines[3], lines[3]);
  assert.equal(outLines[6], lines[6]);
  assert.deepEqual(Buffer.from(outLines[7] ?? '', 'latin1').length > 0, true);
  assert.equal((JSON.parse(outLines[8] ?? '{}') as OutRecord).id, 'after', 'records after bad ones are cleaned');
  assert.equal((JSON.parse(outLines[8] ?? '{}') as OutRecord).text, 'Tiêu đề bài\n\nNội dung bài viết về hội nghị.\n');
  for (const [n, why] of [[2, 'not JSON'], [3, 'no "text" string'], [4, 'binary text'], [5, 'not a JSON object'], [6, 'no "id"'], [7, 'text holds unpaired surrogates'], [8, 'not valid UTF-8']] as const) {
    assert.ok(err.includes(`stdin:${n}: ${why}`), `line ${n} reported as ${why}: ${err}`);
  }
  assert.match(err, /clean: 9 records \(7 bad\)/u);
});

test('the invalid UTF-8 line passes through byte for byte', async () => {
  const bad = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
  const chunks: Buffer[] = [];
  const stdout = new Writable({ write(chunk: Buffer, _e, done) { chunks.push(Buffer.from(chunk)); done(); } });
  const code = await runClean(['-'], { out: () => undefined, err: () => undefined, isTTY: false }, { stdin: Readable.from([Buffer.concat([bad, Buffer.from('\n')])]), stdout });
  await new Promise<void>((resolve) => stdout.end(resolve));
  assert.equal(code, 2);
  assert.deepEqual(Buffer.concat(chunks), Buffer.concat([bad, Buffer.from('\n')]));
});

test('output keeps input order over many records, split across odd chunk boundaries, with CRLF records', async () => {
  const ids = Array.from({ length: 300 }, (_, i) => `r${(i * 7919) % 300}`);
  const text = Buffer.from(ids.map((id, i) => `${JSON.stringify({ id, text: `Tin số ${i}\r\nLượt xem: ${i}\r\n\r\nNội dung ${i}.` })}\r\n`).join(''));
  let out = '';
  const pieces: Buffer[] = [];
  for (let at = 0; at < text.length; at += 997) pieces.push(text.subarray(at, at + 997));
  const stdout = new Writable({ highWaterMark: 16, write(chunk: Buffer, _e, done) { out += chunk.toString('utf8'); setImmediate(done); } });
  const code = await runClean(['-'], { out: () => undefined, err: () => undefined, isTTY: false }, { stdin: Readable.from(pieces), stdout });
  await new Promise<void>((resolve) => stdout.end(resolve));
  assert.equal(code, 1);
  const got = parseOut(out);
  assert.deepEqual(got.map((r) => r.id), ids);
  assert.equal(got[5]?.text, 'Tin số 5\r\n\r\nNội dung 5.');
});

test('files and folders are records with their path as id; --output-dir writes .txt and audit.jsonl, never the originals', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-clean-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
  for (const f of SEED_FILES.slice(0, 3)) fs.copyFileSync(path.join(SEEDS, f), path.join(src, f));
  fs.copyFileSync(path.join(SEEDS, SEED_FILES[3] ?? ''), path.join(src, 'sub', 'x.txt'));
  fs.writeFileSync(path.join(src, 'bin.txt'), Buffer.from([0x41, 0, 0x42]));
  const before = new Map(fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => [f, fs.readFileSync(path.join(src, f))]));
  const outDir = path.join(dir, 'out');
  const { code, out, err } = await clean([src, '--output-dir', outDir]);
  assert.equal(code, 2, 'the binary file makes it exit 2');
  assert.equal(out, '');
  assert.match(err, /bin\.txt: binary file/u);
  for (const [f, bytes] of before) assert.deepEqual(fs.readFileSync(path.join(src, f)), bytes, `${f} untouched`);
  for (const f of SEED_FILES.slice(0, 3)) assert.equal(fs.readFileSync(path.join(outDir, f), 'utf8'), applyFixAll(analyze(seedText(f))));
  assert.equal(fs.readFileSync(path.join(outDir, 'sub', 'x.txt'), 'utf8'), applyFixAll(analyze(seedText(SEED_FILES[3] ?? ''))));
  const audit = fs.readFileSync(path.join(outDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(audit.length, 5);
  assert.ok(audit.every((a) => !('text' in a)), 'the audit trail holds no text');
  assert.deepEqual(audit.map((a) => a.file ?? a.problem), ['000_2170a959384b290a.txt', '001_3380226ad80e6f91.txt', '002_cc6c1fb2d5522765.txt', 'binary file (contains NUL bytes)', 'sub/x.txt']);
  const refused = await clean([src, '--output-dir', outDir]);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /not empty/u);
  const toSrc = await clean([src, '-o', src]);
  assert.equal(toSrc.code, 2, 'the input folder itself is refused as output');
  for (const [f, bytes] of before) assert.deepEqual(fs.readFileSync(path.join(src, f)), bytes, `${f} still untouched`);
});

test('--output-dir names files after ids that cannot escape the folder, and notices a repeated id', async () => {
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-ids-')), 'out');
  const { code, err } = await clean(['-', '-o', outDir], jsonl([{ id: '../evil', text: 'a' }, { id: 'a/b', text: 'b' }, { id: 'a/b', text: 'c' }, { id: 7, text: 'd' }]));
  assert.equal(code, 2);
  assert.match(err, /stdin:3: .*repeated/u);
  assert.deepEqual(fs.readdirSync(outDir).sort(), ['%2E.%2Fevil.txt', '7.txt', 'a%2Fb.txt', 'audit.jsonl']);
  assert.equal(fs.readFileSync(path.join(outDir, 'a%2Fb.txt'), 'utf8'), 'b');
});

test('recurrence counts: --count-lines per shard, summed, equal the whole; --line-counts finds chrome at corpus scale', async () => {
  const chrome = 'Đọc báo in hôm nay';
  const records = Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, text: `Bài số ${i} về hội nghị\n${i % 4 === 0 ? `${chrome}\n` : ''}Nội dung thứ ${i} của bài viết.\n` }));
  const whole = await clean(['--count-lines', '-'], jsonl(records));
  assert.equal(whole.code, 0, whole.err);
  const sum = new LineCounts();
  for (const shard of [records.slice(0, 13), records.slice(13, 29), records.slice(29)]) {
    for (const line of (await clean(['--count-lines', '-'], jsonl(shard))).out.split('\n')) {
      const row = parseLineCountsLine(line);
      if (row.kind === 'header') sum.addRecords(row.records);
      else if (row.kind === 'row') sum.addRow(row.hash, row.count, row.ids);
    }
  }
  assert.equal([...sum.toJsonLines()].join(''), whole.out, 'shard tables add up to the whole table');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-counts-')), 'counts.jsonl');
  fs.writeFileSync(file, whole.out);
  // One shard alone holds the line 3 times of 10 records; the corpus holds it 10 times of 40.
  const shard = await clean(['--line-counts', file, '-'], jsonl(records.slice(0, 10)));
  const flagged = parseOut(shard.out).flatMap((r) => r.findings.filter((f) => f.rule === 'boilerplate/recurring-line').map((f) => ({ ...f, id: r.id })));
  assert.deepEqual(flagged.map((f) => [f.id, f.line]), [['a0', 1], ['a4', 1], ['a8', 1]]);
  assert.match(JSON.stringify(flagged[0]), /Appears in 10 files/u);
  const noCounts = await clean(['-'], jsonl(records.slice(0, 10)));
  assert.match(noCounts.err, /pass --line-counts/u, 'standard input without counts says recurrence is off');
  const broken = path.join(path.dirname(file), 'broken.jsonl');
  fs.writeFileSync(broken, '[1,2]\n');
  assert.match((await clean(['--line-counts', broken, '-'], '')).err, /line 1: rows before the header/u);
});

test('--tier probable also removes probable findings; the default keeps them as findings', async () => {
  const text = 'Sóc Trăng tổng kết công tác tuyên giáo năm 2020\n\nĐoạn đầu của bài viết dài về hội nghị tỉnh.\n\nĐoạn đầu của bài viết dài về hội nghị tỉnh.\n';
  const certain = parseOut((await clean(['-'], jsonl([{ id: 1, text }]))).out)[0];
  const probable = parseOut((await clean(['-', '--tier', 'probable'], jsonl([{ id: 1, text }]))).out)[0];
  assert.equal(certain?.text, text, 'the default removes only certain findings');
  assert.ok(certain?.findings.some((f) => f.rule === 'boilerplate/duplicate-line' && f.tier === 'probable'));
  assert.deepEqual(probable?.removed.map((r) => [r.rule, r.tier, r.line]), [['boilerplate/duplicate-line', 'probable', 4]]);
  assert.equal(probable?.text, 'Sóc Trăng tổng kết công tác tuyên giáo năm 2020\n\nĐoạn đầu của bài viết dài về hội nghị tỉnh.\n\n');
});

test('usage errors exit 2; an empty input is 0 records and exit 0', async () => {
  assert.equal((await clean([])).code, 2);
  assert.match((await clean(['-', '--frobnicate'])).err, /Unknown option '--frobnicate'/u);
  assert.match((await clean(['-', '--tier', 'maybe'])).err, /--tier must be/u);
  assert.match((await clean(['-', SEEDS])).err, /cannot be combined/u);
  assert.equal((await clean(['--help'])).code, 0);
  const empty = await clean(['-'], '');
  assert.equal(empty.code, 0);
  assert.match(empty.err, /clean: 0 records \(0 bad\), 0 lines removed, /u);
});

test('readLines reports an over-long line by number without buffering it, and reads on', async () => {
  const lines = [];
  for await (const l of readLines(Readable.from([Buffer.from('short\n'), Buffer.from('x'.repeat(50)), Buffer.from('y'.repeat(50) + '\nlast')]), 64)) lines.push(l);
  assert.deepEqual(lines.map((l) => ('tooLong' in l ? `${l.lineNo}:long:${l.tooLong}` : `${l.lineNo}:${l.bytes.toString()}`)), ['1:short', '2:long:100', '3:last']);
});

test('a record counter runs on stderr only when it is a terminal, and is cleared before the summary', async () => {
  const input = jsonl(Array.from({ length: 5 }, (_, i) => ({ id: i, text: `Bài ${i}\nNội dung.\n` })));
  const run = async (isTTY: boolean): Promise<string> => {
    let err = '';
    const stdout = new Writable({ write(_c, _e, done) { done(); } });
    await runClean(['-'], { out: () => undefined, err: (t) => { err += t; }, isTTY }, { stdin: Readable.from([Buffer.from(input)]), stdout });
    return err;
  };
  const tty = await run(true);
  assert.match(tty, /\r1 records/u);
  assert.match(tty, /\r\x1b\[Kclean: 5 records/u);
  assert.doesNotMatch(await run(false), /\r/u);
});

test('a byte-order mark before the first record is ignored; NFD text is cleaned and quoted as received', async () => {
  const nfd = 'Tiêu đề về hội nghị tỉnh năm 2020\nLượt xem: 12\n\nNội dung bài viết.\n'.normalize('NFD');
  const { code, out } = await clean(['-'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl([{ id: 'nfd', text: nfd }]))]));
  assert.equal(code, 1);
  const [r] = parseOut(out);
  assert.equal(r?.id, 'nfd');
  assert.deepEqual(r?.removed.map((x) => [x.rule, x.line, x.text]), [['boilerplate/view-counter', 1, 'Lượt xem: 12\n'.normalize('NFD')]]);
  assert.equal(r?.text, nfd.replace('Lượt xem: 12\n'.normalize('NFD'), ''));
});
