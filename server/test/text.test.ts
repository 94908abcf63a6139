import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../src/core/text/line-index';
import { NormalizedText } from '../src/core/text/normalized-text';
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
