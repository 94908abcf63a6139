import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { addYearHints, analyze, defaultAnalysisOptions, type Analysis } from '../src/core/analyze';
import { personLabel, readPerson } from '../src/core/meetings/people';
import { fromIso } from '../src/core/dates/calendar';
import { parseNumericDate } from '../src/core/dates/numeric';
import { emptyYearContext, inferYear } from '../src/core/dates/year';

test('names and titles are read as articles write them', () => {
  const text = 'Chỉ đạo tại Hội nghị, ông Lâm Văn Mẫn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Sóc Trăng biểu dương những thành tích';
  const person = readPerson(text, text.indexOf('ông'));
  assert.equal(person && personLabel(person), 'Lâm Văn Mẫn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Sóc Trăng');
});

test('a mentioned meeting with a full date in its name is dated by it; generic mentions are not meetings', () => {
  const { meetings } = analyze('Bài viết về lịch sử\n\nHọc viện tổ chức Đại hội VI của Đảng (khai mạc vào ngày 5/12/1986) với nhiều đổi mới.\n\nCác đơn vị tham gia đầy đủ các hội nghị báo cáo viên; định kỳ tổ chức giao ban báo chí.\n');
  assert.deepEqual(meetings.map((m) => [m.kind, m.status, m.date?.iso]), [['đại hội', 'mentioned', '1986-12-05']]);
});

test('meetings are found the same in NFD text, with spans in the original', () => {
  const nfc = 'Ngày 17/12, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị Tổng kết công tác Tuyên giáo năm 2020.';
  const nfd = nfc.normalize('NFD');
  const a = analyze(nfc).meetings[0];
  const b = analyze(nfd).meetings[0];
  assert.equal(b?.date?.iso, a?.date?.iso);
  assert.equal(b && nfd.slice(b.span.start, b.span.end).normalize('NFC'), a && nfc.slice(a.span.start, a.span.end));
  assert.equal(b?.organizer && nfd.slice(b.organizer.span.start, b.organizer.span.end).normalize('NFC'), 'Ban Tuyên giáo Tỉnh ủy Sóc Trăng');
});

test('the place of a meeting is read from "tại …" after it', () => {
  const { meetings } = analyze('Tin thời sự trong ngày\n\nNgày 7/2/2017, Thủ tướng chủ trì Kỳ họp lần thứ 39 Ủy ban liên Chính phủ Việt Nam-Lào được tổ chức tại Hà Nội, theo lời mời của Chính phủ.\n');
  assert.deepEqual(meetings.map((m) => [m.kind, m.date?.iso, m.place?.name]), [['kỳ họp', '2017-02-07', 'Hà Nội']]);
});

test('dates are validated: an impossible day is no date, a leap day is', () => {
  assert.equal(parseNumericDate('31/02/2021'), undefined);
  assert.deepEqual(parseNumericDate('29/02/2016'), { year: 2016, month: 2, day: 29 });
  assert.equal(parseNumericDate('29/02/2017'), undefined);
  assert.deepEqual(parseNumericDate(' 5 - 2 - 2017 '), { year: 2017, month: 2, day: 5 });
  assert.equal(fromIso('2017-13-01'), undefined);
});

test('a year comes from evidence, in order, and stays unknown without it', () => {
  const range = { from: 2016, to: 2021, text: 'khóa XII' };
  const bound = { day: { year: 2017, month: 1, day: 19 }, text: '343/2017/UBTVQH14' };
  assert.deepEqual(inferYear(2, 6, { ...emptyYearContext, ranges: [range] }), { range });
  assert.equal(inferYear(2, 6, { ...emptyYearContext, ranges: [range], lowerBounds: [bound] }).year, undefined);
  assert.equal(inferYear(2, 6, { ...emptyYearContext, ranges: [{ from: 2016, to: 2017, text: 'x' }], lowerBounds: [bound] }).year, 2017);
  // 6 February was a Monday in 2017 and in no other year of 2016–2021.
  assert.equal(inferYear(2, 6, { ...emptyYearContext, ranges: [range] }, 1).year, 2017);
  assert.equal(inferYear(2, 6, { ...emptyYearContext, period: { from: 2017, to: 2017, text: '2017' } }).year, 2017);
  const stated = { kind: 'current-year' as const, year: 2017, text: 'năm nay (2017)' };
  assert.equal(inferYear(2, 6, { ...emptyYearContext, current: [stated], period: { from: 2018, to: 2018, text: '2018' } }).year, 2017);
});

test('year hints added to an analysis made without them give the analysis made with them', () => {
  const text = 'Bài 3\n\nNgày 17/3, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị giao ban báo chí.\n\nSáng 20/3, Hội Nông dân tỉnh khai mạc Hội nghị tập huấn.\n';
  const unhinted = analyze(text, { ...defaultAnalysisOptions, years: {} });
  const plain = (a: Analysis): { meetings: unknown } => JSON.parse(JSON.stringify({ ...a, doc: undefined, years: { ...a.years, fullDates: [...a.years.fullDates] } }));
  for (const years of [{ neighbours: { year: 2017, files: ['a.txt', 'b.txt'] } }, { period: { from: 2018, to: 2018 } }, { neighbours: () => ({ year: 2016, files: ['c.txt', 'd.txt'] }) }]) {
    const hinted = analyze(text, { ...defaultAnalysisOptions, years });
    assert.notDeepEqual(plain(hinted).meetings, plain(unhinted).meetings, 'the hint dates the meetings');
    assert.deepEqual(plain(addYearHints(unhinted, { ...defaultAnalysisOptions, years })), plain(hinted));
  }
});
