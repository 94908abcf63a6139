import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { run } from '../src/cli/main';
import { buildReport, type CorpusReport } from '../src/core/report/corpus-report';
import type { FileSummary } from '../src/core/report/file-summary';

const ROOT = path.join(__dirname, '..', '..', '..');
const SEEDS = path.join(ROOT, 'seeds');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

const summary = (p: string, over: Partial<FileSummary>): FileSummary => ({
  uri: `file:///c/${p}`, path: p, group: p.split('/')[0] ?? '.', lines: 10, flagged: { certain: 1, probable: 0, weak: 0 }, lineKeys: [], meetings: [], references: [], ...over,
});

test('the report adds files up per group, counts recurring lines per file and tallies meetings and references', () => {
  const report = buildReport([
    summary('b/2.txt', { lineKeys: [['bình luận', 'Bình luận', 4]], province: 'Sơn La', meetings: [{ month: '2020-12', status: 'reported', title: 'Hội nghị', line: 2 }] }),
    summary('a/1.txt', { lineKeys: [['bình luận', 'Bình luận', 7], ['chia sẻ', 'Chia sẻ', 8]], references: [{ status: 'resolved', key: '35-NQ/TW', title: 'Về tăng cường', line: 1 }, { status: 'unknown', key: 'Chỉ thị 12', title: 'Chỉ thị 12', line: 3, reason: 'x' }] }),
    summary('a/3.txt', { lines: 5, flagged: { certain: 0, probable: 2, weak: 1 }, lineKeys: [['bình luận', 'Bình luận', 1]], references: [{ status: 'resolved', key: '35-NQ/TW', title: 'Về tăng cường', line: 9 }] }),
  ]);
  assert.deepEqual(report.totals, { files: 3, lines: 25, flagged: { certain: 2, probable: 2, weak: 1 }, meetings: 1, datedMeetings: 1, references: 3, unknownReferences: 1 });
  assert.deepEqual(report.groups.map((g) => [g.name, g.files, g.lines]), [['a', 2, 15], ['b', 1, 10]]);
  // "Bình luận" is in both files of group a (first seen in a/1.txt, line 7); "Chia sẻ" in one file only.
  assert.deepEqual(report.groups[0]?.topLines, [{ text: 'Bình luận', files: 2, place: { uri: 'file:///c/a/1.txt', path: 'a/1.txt', line: 7 } }]);
  assert.deepEqual(report.meetingsByMonth.map((m) => [m.month, m.reported]), [['2020-12', 1]]);
  assert.deepEqual(report.meetingsByProvince.map((p) => [p.key, p.count]), [['Sơn La', 1]]);
  assert.deepEqual(report.citedDocuments.map((d) => [d.key, d.count, d.files, d.place.path, d.place.line]), [['35-NQ/TW', 2, 2, 'a/1.txt', 1]]);
  assert.deepEqual(report.unknownReferences.map((d) => [d.key, d.reason]), [['Chỉ thị 12', 'x']]);
});

test('vn-corpus report --format json counts the seeds\' non-blank lines and exits 0', async () => {
  const { code, out } = await capture(['report', '--format', 'json', SEEDS]);
  assert.equal(code, 0);
  const report = JSON.parse(out) as CorpusReport;
  const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  const lines = files.reduce((n, f) => n + fs.readFileSync(path.join(SEEDS, f), 'utf8').split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '').length, 0);
  assert.equal(report.totals.files, files.length);
  assert.equal(report.totals.lines, lines);
  assert.deepEqual(report.groups.map((g) => g.name), ['seeds']);
  const t = report.totals.flagged;
  assert.ok(t.certain > 0 && t.certain + t.probable + t.weak <= lines);
  assert.ok(report.citedDocuments.some((d) => d.key === '05-CT/TW'));
});

test('vn-corpus report --html writes one page whose inline script and style are allowed by hash and nothing else', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-report-')), 'r.html');
  assert.equal((await capture(['report', '--html', file, SEEDS])).code, 0);
  const html = fs.readFileSync(file, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/u);
  const hash = (s: string): string => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const script = /<script>([\s\S]*)<\/script>\n<\/body>/u.exec(html)?.[1] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/u.exec(html)?.[1] ?? '';
  assert.ok(script.length > 10_000 && style.length > 500);
  assert.ok(csp.includes(`script-src ${hash(script)};`) && csp.includes(`style-src ${hash(style)};`), csp);
  // Nothing is loaded from elsewhere (the browser test checks that no request leaves the page).
  assert.doesNotMatch(html, /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=/u);
});

test('vn-corpus fix --encoding converts TCVN3 and VNI files exactly and leaves a mixed file alone', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-enc-'));
  const fixtures = path.join(ROOT, 'server', 'test', 'fixtures', 'text');
  const unannotated = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8').split('\n').filter((_, i) => i !== 1).join('\n');
  fs.writeFileSync(path.join(dir, 'tcvn3.txt'), unannotated('encoding-tcvn3-paragraph.txt'));
  fs.writeFileSync(path.join(dir, 'vni.txt'), unannotated('encoding-vni-paragraph.txt'));
  const mixed = unannotated('encoding-tcvn3-mixed.txt');
  fs.writeFileSync(path.join(dir, 'mixed.txt'), mixed);
  const { code, err } = await capture(['fix', '--encoding', dir]);
  assert.equal(code, 1);
  const want = fs.readFileSync(path.join(fixtures, 'encoding-tcvn3-paragraph.fixed.txt'), 'utf8');
  assert.equal(fs.readFileSync(path.join(dir, 'tcvn3.txt'), 'utf8'), want);
  assert.equal(fs.readFileSync(path.join(dir, 'vni.txt'), 'utf8'), want);
  assert.equal(fs.readFileSync(path.join(dir, 'mixed.txt'), 'utf8'), mixed);
  assert.match(err, /mixed\.txt: not converted: .*line 1 mixes Unicode Vietnamese/u);
});

test('every string of the report page has a Vietnamese translation', () => {
  const dir = path.join(ROOT, 'client', 'webview');
  const source = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'report-strings.ts').map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  // t('…') calls, and the column headers written as ['a', 'b'].map((h) => t(h)).
  const calls = [...source.matchAll(/\bt\('([^']+)'/gu)].map((m) => m[1] ?? '');
  const headers = [...source.matchAll(/\[('[^\]]+')\]\.map\(\(h\) => t\(h\)\)/gu)].flatMap((m) => [...(m[1] ?? '').matchAll(/'([^']+)'/gu)].map((x) => x[1] ?? ''));
  const strings = [...calls, ...headers];
  const table = fs.readFileSync(path.join(dir, 'report-strings.ts'), 'utf8');
  assert.ok(strings.length > 30, `${strings.length} strings`);
  for (const s of strings) assert.ok(table.includes(`'${s}':`), `report-strings.ts lacks ${JSON.stringify(s)}`);
});
