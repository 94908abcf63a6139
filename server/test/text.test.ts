import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../src/core/text/line-index';
import { LETTER_OR_MARK_BEFORE, matchesNotAfter } from '../src/core/text/match-after';
import { fold, NormalizedText } from '../src/core/text/normalized-text';
import { toLineKey } from '../src/core/text/article-text';
import { findMentionsIn } from '../src/core/references/find';
import { applyEdits, mergeEdits } from '../src/core/text/line-edits';
import { toOrdinal, toRoman } from '../src/core/text/roman';

test('LineIndex handles LF, CRLF and CR in both directions', () => {
  const text = 'ab\r\ncd\ref\ngh';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.toPosition(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(idx.toPosition(text.indexOf('f')), { line: 2, character: 1 });
  assert.deepEqual(idx.toPosition(text.length), { line: 3, character: 2 });
  assert.equal(idx.toOffset({ line: 2, character: 1 }), text.indexOf('f'));
  assert.equal(idx.toOffset({ line: 0, character: 99 }), 2, 'clamped to the line content');
  assert.equal(idx.lineText(0), 'ab');
  assert.deepEqual(idx.line(0), { index: 0, start: 0, end: 2, endWithBreak: 4 });
});

test('LineIndex finds the lines a split on CRLF, CR and LF gives, with every mix of breaks', () => {
  const texts = fc.array(fc.constantFrom('a', 'ư', ' ', '\r', '\n', '\r\n'), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(fc.property(texts, (text) => {
    const idx = new LineIndex(text);
    const expected = text.split(/\r\n|\r|\n/u);
    assert.deepEqual(Array.from({ length: idx.lineCount }, (_, i) => idx.lineText(i)), expected);
    let start = 0;
    for (let i = 0; i < idx.lineCount; i++) {
      const info = idx.line(i);
      assert.equal(info.start, start);
      start = info.endWithBreak;
    }
    assert.equal(start, text.length, 'the last line ends the text');
  }), { numRuns: 300, seed: 20261202 });
});

test('LineIndex counts UTF-16 code units, so an emoji is two characters', () => {
  const text = '😀 Lượt xem\nx';
  const idx = new LineIndex(text);
  assert.deepEqual(idx.toPosition(text.indexOf('L')), { line: 0, character: 3 });
  assert.equal(idx.toOffset({ line: 0, character: 3 }), 3);
});

test('an empty text has one empty line', () => {
  const idx = new LineIndex('');
  assert.equal(idx.lineCount, 1);
  assert.deepEqual(idx.toPosition(0), { line: 0, character: 0 });
});

test('NormalizedText folds NFD to NFC lower case and maps spans back to whole clusters', () => {
  const original = 'Nghị định 15'.normalize('NFD');
  const n = new NormalizedText(original);
  assert.equal(n.text, 'nghị định 15');
  const at = n.text.indexOf('định');
  const span = n.toOriginal({ start: at, end: at + 'định'.length });
  assert.equal(original.slice(span.start, span.end).normalize('NFC'), 'định');
  assert.equal(n.fromOriginal(span.start), at);
});

test('NormalizedText keeps offsets when the text is already NFC', () => {
  const n = new NormalizedText('Chỉ thị 05');
  assert.equal(n.text, 'chỉ thị 05');
  assert.deepEqual(n.toOriginal({ start: 4, end: 7 }), { start: 4, end: 7 });
});

test('merged deletions apply once and replacements never overlap', () => {
  const edits = mergeEdits([
    { span: { start: 0, end: 4 }, newText: '' },
    { span: { start: 2, end: 6 }, newText: '' },
    { span: { start: 8, end: 9 }, newText: 'X' },
  ]);
  assert.deepEqual(edits.map((e) => [e.span.start, e.span.end]), [[0, 6], [8, 9]]);
  assert.equal(applyEdits('0123456789', edits), '67X9');
});

test('Roman and Arabic ordinals', () => {
  assert.equal(toOrdinal('XIII'), 13);
  assert.equal(toOrdinal('xix'), 19);
  assert.equal(toOrdinal('14'), 14);
  assert.equal(toOrdinal('abc'), undefined);
  assert.equal(toRoman(14), 'XIV');
  assert.equal(toRoman(20), 'XX');
});

test('matchesNotAfter finds what a leading lookbehind finds, on any mix of letters, marks, digits and astral characters', () => {
  const pieces = fc.constantFrom('hôm nay', 'sáng qua', 'x', ' ', '\u0301', '1', '/', '😀', 'ab', 'a', 'b', 'ba', 'Hôm qua', '.');
  const cases: readonly [RegExp, RegExp, RegExp][] = [
    // A rejected match may hold an accepted one ("xhôm qua" holds "qua").
    [/(?<![\p{L}\p{M}])(?:a+b|hôm (?:nay|qua)|sáng qua|qua)/giu, /(?:a+b|hôm (?:nay|qua)|sáng qua|qua)/giu, LETTER_OR_MARK_BEFORE],
    [/(?<![\p{L}\p{M}\d/.,-])(\d)(?:\/\d)?/gu, /(\d)(?:\/\d)?/gu, /[\p{L}\p{M}\d/.,-]$/u],
  ];
  fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
    const text = parts.join('');
    for (const [withLookbehind, without, before] of cases) {
      const expected = [...text.matchAll(withLookbehind)].map((m) => [m.index, m[0]]);
      assert.deepEqual([...matchesNotAfter(text, without, before)].map((m) => [m.index, m[0]]), expected, JSON.stringify(text));
    }
  }), { numRuns: 2000 });
});

test('a line key collapses every run of spaces, tabs, NBSP and zero-width characters to one space, and keeps single spaces', () => {
  assert.equal(toLineKey('  • Tin  liên\tquan\u00a0\u200b nhất  '), 'tin liên quan nhất');
  assert.equal(toLineKey('Trang\u3000chủ\u2009>\u202fTin tức'), 'trang chủ > tin tức');
  assert.equal(toLineKey('Xem thêm'), 'xem thêm');
  const spaces = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u200b', '\u2003', '\u3000', '\ufeff', '\u1680', '\u2028');
  const words = fc.constantFrom('Đại', 'hội', 'XIII', '-', '•', 'e\u0301');
  fc.assert(fc.property(fc.array(fc.oneof(spaces, words), { maxLength: 12 }), (parts) => {
    const line = parts.join('');
    const expected = fold(line).replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/gu, ' ').replace(/^[\s\u00a0•·\-–*+>|]+/u, '').trim();
    assert.equal(toLineKey(line), expected);
  }));
});

test('the mention patterns find nothing that starts right after a letter, a mark or a digit', () => {
  assert.deepEqual(findMentionsIn('xnghị quyết đại hội lần thứ XIII của Đảng').map((m) => m.text), ['đại hội lần thứ XIII của Đảng']);
  // The kind word after a digit is not one; its symbol still is.
  assert.deepEqual(findMentionsIn('1Nghị quyết số 35-NQ/TW, Chỉ thị 05-CT/TW').map((m) => m.text), ['35-NQ/TW', 'Chỉ thị 05-CT/TW']);
  assert.deepEqual(findMentionsIn('a12 chương trình mục tiêu quốc gia; 3 chương trình mục tiêu quốc gia').map((m) => m.text), ['3 chương trình mục tiêu quốc gia']);
  assert.deepEqual(findMentionsIn('😀Chỉ thị 05-CT/TW').map((m) => m.text), ['Chỉ thị 05-CT/TW']);
  assert.deepEqual(findMentionsIn('số 123456/NQ-CP và /35-NQ/TW').map((m) => m.text), []);
});
