import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/core/analyze';
import { findMeetingDate } from '../src/core/meetings/dates';
import { personLabel, readPerson } from '../src/core/meetings/people';

test('the year of a day/month date is inferred from what the meeting covers', () => {
  assert.equal(findMeetingDate('ngày 17/12, ban tuyên giáo tổ chức hội nghị tổng kết năm 2020', 2019)?.iso, '2020-12-17');
  assert.equal(findMeetingDate('ngày 3/1, tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023', undefined)?.iso, '2024-01-03');
  assert.equal(findMeetingDate('ngày 21/3, đồng chí chủ trì hội nghị triển khai nhiệm vụ quý ii/2023', 2020)?.iso, '2023-03-21');
  assert.equal(findMeetingDate('chiều 22/12, hội nghị', 2020)?.timeOfDay, 'chiều');
  assert.equal(findMeetingDate('ngày 04/01/2021, hội nghị', 1999)?.yearInferred, false);
  assert.equal(findMeetingDate('bạn còn 500/500 ký tự', 2020), undefined);
});

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
