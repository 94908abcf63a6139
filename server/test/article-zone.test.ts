import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { applyFixAll } from '../src/core/fix-all';
import { findArticleZone } from '../src/core/rules/boilerplate/article-zone';
import { ArticleText } from '../src/core/text/article-text';

const MENU = ['Thời sự', 'Góc nhìn', 'Thế giới', 'Hồ sơ - Phân tích', 'Kinh doanh', 'Bất động sản', 'Khoa học', 'Giải trí', 'Thể thao'];
const ARTICLE = [
  'Nhân sự mới',
  'Theo quyết định, ông Nguyễn Văn A thôi giữ chức trưởng ban để nhận nhiệm vụ mới làm bí thư quận ủy.',
  'Ông Trần Văn B, bí thư quận ủy, được điều động về làm hiệu trưởng trường chính trị của thành phố.',
  'Hai ông được bổ nhiệm vào các chức danh mới theo quyết định của ban thường vụ thành ủy.',
  'Minh Anh',
];
const AFTER = ['Xem nhiều nhất', 'Giá vàng hôm nay tăng mạnh', 'Hà Nội công bố điểm thi vào lớp 10', 'Quảng cáo', 'Ý kiến của bạn', 'Gửi'];

test('the zone of a stranger page starts at its short headline and ends at its byline', () => {
  const doc = new ArticleText([...MENU, ...ARTICLE, ...AFTER].join('\n'));
  const zone = findArticleZone(doc);
  assert.deepEqual(zone && { first: zone.first, last: zone.last }, { first: MENU.length, last: MENU.length + ARTICLE.length - 1 });
});

test('fix-all removes the menu before a short headline and the related list after the byline, and keeps the article', () => {
  const text = [...MENU, ...ARTICLE, ...AFTER].join('\n');
  const fixed = applyFixAll(analyze(text, defaultAnalysisOptions));
  assert.deepEqual(fixed.split('\n').filter((l) => l.trim() !== ''), ARTICLE);
});

test('a repeated line inside the article is only a hint; a copy after the article is removed with the related list', () => {
  const inside = [...ARTICLE.slice(0, 3), ARTICLE[1] ?? '', ...ARTICLE.slice(3)].join('\n');
  const duplicates = (text: string): string[] => analyze(text, defaultAnalysisOptions).findings.filter((f) => f.ruleId === 'boilerplate/duplicate-line').map((f) => f.tier);
  assert.deepEqual(duplicates(inside), ['weak']);
  assert.equal(applyFixAll(analyze(inside, defaultAnalysisOptions)), inside);
  const after = [...ARTICLE, 'Tin liên quan', 'Giá vàng hôm nay tăng mạnh', 'Hà Nội công bố điểm thi vào lớp 10', ARTICLE[1] ?? ''].join('\n');
  assert.ok(!duplicates(after).includes('weak'));
  assert.deepEqual(applyFixAll(analyze(after, defaultAnalysisOptions)).split('\n').filter((l) => l.trim() !== ''), ARTICLE);
});

