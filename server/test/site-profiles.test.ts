import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { lineHashes } from '../src/core/corpus/line-frequency';
import { computeSiteProfiles, MIN_COMMON_LINES, MIN_SIMILARITY } from '../src/core/corpus/site-profiles';
import { matchSiteByLines, toSiteChromeLookup } from '../src/core/corpus/site-chrome-lookup';
import { formatSiteProfiles, withChromeTexts } from '../src/core/corpus/site-profiles-format';

const CORPUS = path.join(__dirname, '..', '..', 'test', 'corpora', 'sites');

function pages(): [string, Uint32Array][] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []);
  return walk(CORPUS).map((f) => [f, lineHashes(fs.readFileSync(f, 'utf8'))]);
}

const base = (f: string): string => path.basename(f, '.txt');

test('two sites in one folder separate, one site over two folders groups, a lone page joins none', () => {
  const profiles = computeSiteProfiles(pages());
  assert.deepEqual(profiles.sites.map((s) => [s.name, s.files.map(base)]), [
    ['songhong', ['songhong-1', 'songhong-2', 'songhong-3', 'songhong-4']],
    ['mientay', ['mientay-1', 'mientay-2', 'mientay-3']],
  ]);
  assert.equal(profiles.fileCount, 8);
  assert.equal(profiles.ungrouped, 1, 'congxa-1 shares only generic menu words');
  assert.ok(new Set(profiles.sites[0]?.files.map((f) => path.basename(path.dirname(f)))).size === 2, 'songhong spans two folders');
});

test('pages that share fewer lines than a site needs stay ungrouped, however many there are, and a site among them still forms', () => {
  const generic = Array.from({ length: 5000 }, (_, i): [string, Uint32Array] => [`p/${String(i).padStart(5, '0')}.txt`, Uint32Array.of(1, 2, 1000 + i)]);
  const site = ['a', 'b', 'c'].map((n): [string, Uint32Array] => [`s/${n}.txt`, Uint32Array.of(10, 11, 12, 13)]);
  const profiles = computeSiteProfiles([...generic, ...site]);
  assert.deepEqual(profiles.sites.map((s) => s.files), [['s/a.txt', 's/b.txt', 's/c.txt']]);
  assert.equal(profiles.ungrouped, 5000);
});

test('the grouping does not depend on the order of the files', () => {
  const forward = computeSiteProfiles(pages());
  const backward = computeSiteProfiles(pages().reverse());
  assert.deepEqual(backward, forward);
});

test('chrome is what a site repeats, learned from 3 pages or more, never the articles', () => {
  const profiles = computeSiteProfiles(pages());
  const songhong = profiles.sites[0];
  assert.ok(songhong);
  const text = fs.readFileSync(songhong.files[0] ?? '', 'utf8');
  const named = withChromeTexts(songhong, text);
  const lines = named.chrome.map((c) => `${c.pages} ${c.text ?? '?'}`);
  assert.deepEqual(lines, [
    '4 Nhật báo Sông Hồng', '4 Trang chủ', '4 Thời sự', '4 Kinh tế', '4 Thể thao', '4 Văn hóa', '4 Pháp luật', '4 Bạn đọc viết',
    '4 Đọc nhiều nhất', '4 Bình luận', '4 Gửi bình luận', '4 © Nhật báo Sông Hồng. Mọi quyền được bảo lưu.',
    '4 Tòa soạn: số 1 phố Giả Định, Hà Nội', '4 Đường dây nóng: 0900 000 001',
  ]);
  const two = computeSiteProfiles(pages().filter(([f]) => /songhong-[12]/u.test(f)));
  assert.equal(two.sites.length, 1);
  assert.deepEqual(two.sites[0]?.chrome, [], 'two pages are too few to learn chrome from');
});

test('the rule finds the site of a page by path, or of a new page by its lines, and none for a page left out', () => {
  const entries = pages();
  const profiles = computeSiteProfiles(entries);
  const indexed = new Set(entries.map(([f]) => f));
  const lookup = toSiteChromeLookup(profiles, (f) => indexed.has(f));
  const songhong1 = entries.find(([f]) => base(f) === 'songhong-1')?.[0] ?? '';
  assert.equal(lookup.siteOf(songhong1, () => new Uint32Array())?.name, 'songhong');
  const congxa = entries.find(([f]) => base(f) === 'congxa-1')?.[0] ?? '';
  assert.equal(lookup.siteOf(congxa, () => lineHashes(fs.readFileSync(congxa, 'utf8'))), undefined);
  const fresh = fs.readFileSync(path.join(CORPUS, 'crawl', '2024', 'mientay-2.txt'), 'utf8').replace(/Chợ nổi[^\n]*\n/u, 'Bài mới về vườn cây ăn trái\n');
  const site = lookup.siteOf('/elsewhere/new-page.txt', () => lineHashes(fresh));
  assert.equal(site?.name, 'mientay');
  assert.equal(site?.pagesWith('tin cùng chuyên mục'), 3);
  assert.equal(site?.pagesWith('bài mới về vườn cây ăn trái'), 0);
});

test('chrome in most pages is certain, prose-like chrome probable, article lines untouched', () => {
  const profiles = computeSiteProfiles(pages());
  const lookup = toSiteChromeLookup(profiles);
  const page = fs.readFileSync(path.join(CORPUS, 'crawl', '2024', 'songhong-3.txt'), 'utf8');
  const text = page.replace(/Đội bóng phường[^]*?cổ vũ đông đủ\.\n/u, 'Một bài mới của tòa soạn về giao thông đô thị.\n');
  // The footer and related-list rules would already take the © line; off, so the site-chrome tier of that line shows.
  const analysis = analyze(text, { ...defaultAnalysisOptions, severities: { 'boilerplate/footer': 'off', 'boilerplate/related-list': 'off' }, siteChrome: lookup, path: '/new/songhong-9.txt' });
  const site = analysis.findings.filter((f) => f.ruleId === 'boilerplate/site-chrome').map((f) => `${f.tier} ${text.slice(f.span.start, f.span.end).trim()}`);
  assert.ok(site.includes('certain Trang chủ'), site.join('; '));
  assert.ok(site.includes('certain Đường dây nóng: 0900 000 001'), site.join('; '));
  assert.ok(site.includes('probable © Nhật báo Sông Hồng. Mọi quyền được bảo lưu.'), site.join('; '));
  assert.equal(site.length, 14);
  assert.ok(!site.some((s) => s.includes('Một bài mới')), 'article text is not chrome');
});

test('the listing names each site with its pages and chrome lines', () => {
  const profiles = computeSiteProfiles(pages());
  const named = { ...profiles, sites: profiles.sites.map((s) => withChromeTexts(s, fs.readFileSync(s.files[0] ?? '', 'utf8'))) };
  const text = formatSiteProfiles(named, 'en', base);
  assert.match(text, /^Site profiles: 2 sites in 8 files; 1 files belong to no site$/mu);
  assert.match(text, /^## songhong: 4 pages, 14 chrome lines$/mu);
  assert.match(text, /^ {6}3\/3 {2}Tin cùng chuyên mục$/mu);
  assert.match(formatSiteProfiles(named, 'vi', base), /^## mientay: 3 trang, 11 dòng khung trang$/mu);
});

test('a page is matched to the site whose chrome covers most of its lines, whatever their numbers (against a line-by-line count)', () => {
  const random = mulberry(7);
  let matched = 0;
  const hashes = (n: number, range: number): Uint32Array => Uint32Array.from(new Set(Array.from({ length: n }, () => Math.floor(random() * range))));
  for (let trial = 0; trial < 300; trial++) {
    const sites = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => {
      const chrome = hashes(Math.floor(random() * 40), 120);
      return { entry: { name: `site-${i}`, pageCount: 3, pagesWith: () => 3 }, pages: new Map([...chrome].map((h) => [h, 3])) };
    });
    // Part of one site's chrome and lines of its own: a few, or many more than any chrome.
    const chrome = [...(sites[Math.floor(random() * sites.length)]?.pages.keys() ?? [])].filter(() => random() < 0.8);
    const page = Uint32Array.from(new Set([...chrome, ...[...hashes(Math.floor(random() * (trial % 3 === 0 ? 400 : 30)), 1000)].map((h) => h + 1000)]));
    let expected: string | undefined;
    let best = MIN_SIMILARITY;
    for (const s of sites) {
      const held = [...page].filter((h) => s.pages.has(h)).length;
      const score = held / (page.length + s.pages.size - held);
      if (held >= MIN_COMMON_LINES && score >= best) {
        expected = s.entry.name;
        best = score;
      }
    }
    assert.equal(matchSiteByLines(sites, page)?.name, expected);
    if (expected) matched++;
  }
  assert.ok(matched > 10 && matched < 290, `both outcomes are tried (${matched} of 300 matched)`);
});

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
