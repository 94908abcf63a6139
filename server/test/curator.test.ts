import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOfferableLine, lineRemovalEdits, removedWholeLines } from '../src/core/corpus/curator';
import { applyEdits } from '../src/core/text/line-edits';

const TEXT = 'Tiêu đề\nChia sẻ bài viết\nNội dung bài.\r\nDòng cuối';

test('a deletion from a line start through its break removes that whole line', () => {
  const start = TEXT.indexOf('Chia');
  assert.deepEqual(removedWholeLines(TEXT, start, TEXT.indexOf('Nội'), ''), ['Chia sẻ bài viết']);
  assert.deepEqual(removedWholeLines(TEXT, 0, TEXT.indexOf('Dòng'), ''), ['Tiêu đề', 'Chia sẻ bài viết', 'Nội dung bài.'], 'CRLF breaks too');
});

test('deleting the last line takes the break before it', () => {
  assert.deepEqual(removedWholeLines(TEXT, TEXT.indexOf('\r\nDòng'), TEXT.length, ''), ['Dòng cuối']);
});

test('partial, replacing and empty edits remove no whole line', () => {
  assert.deepEqual(removedWholeLines(TEXT, TEXT.indexOf('sẻ'), TEXT.indexOf('Nội'), ''), [], 'starts mid-line');
  assert.deepEqual(removedWholeLines(TEXT, TEXT.indexOf('Chia'), TEXT.indexOf('Nội') - 1, ''), [], 'stops before the break');
  assert.deepEqual(removedWholeLines(TEXT, TEXT.indexOf('Chia'), TEXT.indexOf('Nội'), 'x\n'), [], 'a replacement');
  assert.deepEqual(removedWholeLines(TEXT, 3, 3, ''), []);
  assert.deepEqual(removedWholeLines('a\n\nb', 2, 3, ''), [], 'a blank line is no offer');
});

test('only short lines with letters, not read as a pattern, are offered', () => {
  assert.equal(isOfferableLine('Chia sẻ bài viết'), true);
  assert.equal(isOfferableLine('123'), false);
  assert.equal(isOfferableLine('/tin-tuc/'), false);
  assert.equal(isOfferableLine('x'.repeat(200)), false);
});

test('removal edits delete every copy of the line, matched as a line key (case, NFD and spaces folded)', () => {
  const text = 'Tiêu đề\n  CHIA SẺ  bài viết\nNội dung.\n' + 'Chia sẻ bài viết'.normalize('NFD') + '\nHết.\n';
  assert.equal(applyEdits(text, lineRemovalEdits(text, 'chia sẻ bài viết')), 'Tiêu đề\nNội dung.\nHết.\n');
  assert.deepEqual(lineRemovalEdits(text, 'không có'), []);
});
