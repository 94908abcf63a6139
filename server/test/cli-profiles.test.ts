import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { run } from '../src/cli/main';

const PAGES = path.join(__dirname, '..', '..', 'test', 'corpora', 'sites');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

test('profiles prints each site with its pages and chrome lines', async () => {
  const { code, out } = await capture(['profiles', PAGES, '--lang', 'en']);
  assert.equal(code, 0);
  assert.match(out, /^Site profiles: 2 sites in 8 files; 1 files belong to no site$/mu);
  assert.match(out, /^## songhong: 4 pages, 14 chrome lines$/mu);
  assert.match(out, /^## mientay: 3 pages, 11 chrome lines$/mu);
  assert.match(out, /^ {6}4\/4 {2}Đường dây nóng: 0900 000 001$/mu);
  assert.doesNotMatch(out, /Mùa nước nổi về sớm/u, 'article lines are not chrome');
});

test('profiles --format json gives the sites, their files and chrome with page counts and text', async () => {
  const { code, out } = await capture(['profiles', PAGES, '--format', 'json']);
  assert.equal(code, 0);
  const profiles = JSON.parse(out) as { fileCount: number; sites: { name: string; files: string[]; chrome: { pages: number; text?: string }[] }[] };
  assert.equal(profiles.fileCount, 8);
  assert.deepEqual(profiles.sites.map((s) => [s.name, s.files.length, s.chrome.length]), [['songhong', 4, 14], ['mientay', 3, 11]]);
  assert.ok(profiles.sites.every((s) => s.chrome.every((c) => typeof c.text === 'string' && c.pages >= 3)));
  assert.match((await capture(['profiles', PAGES, '--format', 'sarif'])).err, /--format must be one of text, json for profiles/u);
});

test('fix removes the certain chrome the profiles learned, and nothing of the articles', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-cli-sites-'));
  fs.cpSync(PAGES, dir, { recursive: true });
  const file = path.join(dir, 'crawl', '2024', 'mientay-3.txt');
  const { code } = await capture(['fix', dir]);
  assert.equal(code, 1);
  const after = fs.readFileSync(file, 'utf8');
  // The site's name and "Theo dõi…" read like a byline and a source line, which the rule flags as probable only.
  assert.equal(after, [
    'Tin Miền Tây',
    'Mùa nước nổi về sớm',
    'Năm nay mùa nước nổi về sớm hơn mọi năm khoảng nửa tháng.',
    'Người dân tranh thủ đánh bắt cá linh và hái bông điên điển để bán.',
    'Chính quyền khuyến cáo người dân chú ý an toàn cho trẻ nhỏ khi nước lên.',
    'Theo dõi chúng tôi trên mạng xã hội',
    '',
  ].join('\n'));
});
