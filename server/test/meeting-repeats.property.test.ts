import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mergeRepeats } from '../src/core/meetings/primary';
import type { Meeting } from '../src/core/meetings/types';
import { fold } from '../src/core/text/normalized-text';

const WORDS = ['hội', 'nghị', 'tổng', 'kết', 'công', 'tác', 'năm', '2020', 'tuyên', 'giáo', 'triển', 'khai', 'nhiệm', 'vụ', 'luật', 'du', 'lịch'];

/** A meeting of one of two kinds, with a title of a few words and, or not, a day. */
const meeting = fc.record({
  kind: fc.constantFrom('hội nghị', 'cuộc họp'),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }),
  day: fc.option(fc.integer({ min: 1, max: 4 })),
  status: fc.constantFrom('reported', 'mentioned', 'planned'),
}).map(({ kind, words, day, status }): Meeting => ({
  kind, title: words.join(' '), span: { start: 0, end: 1 }, sentence: { start: 0, end: 1 }, line: 0,
  ...(day !== null ? { date: { day, month: 6, span: { start: 0, end: 1 } } as unknown as NonNullable<Meeting['date']> } : {}),
  status: status as Meeting['status'], primary: false, directedBy: [], attendees: [],
}));

/** Merging as first written: every kept meeting of the kind compared in turn. */
function mergeByComparingAll(meetings: readonly Meeting[], sentenceOf: readonly number[]): { kept: Meeting[]; indexes: number[] } {
  const kept: Meeting[] = [];
  const indexes: number[] = [];
  const wordsOf = (m: Meeting): Set<string> => new Set(fold(m.title).split(/[^\p{L}\p{M}\d]+/u).filter((w) => w.length > 0));
  const sameName = (x: Set<string>, y: Set<string>): boolean => x.size >= 3 && y.size >= 3 && (2 * [...x].filter((w) => y.has(w)).length) / (x.size + y.size) >= 0.6;
  const repeats = (a: Meeting, b: Meeting): boolean => a.kind === b.kind && (a.date && b.date ? a.date.day === b.date.day && a.date.month === b.date.month : sameName(wordsOf(a), wordsOf(b)));
  const undated: number[] = [];
  meetings.forEach((m, i) => {
    let same = -1;
    if (!m.date) same = kept.findIndex((k) => repeats(k, m));
    else {
      const day = kept.findIndex((k) => k.kind === m.kind && k.date !== undefined && k.date.day === m.date?.day && k.date.month === m.date?.month);
      same = undated.find((j) => (day < 0 || j < day) && kept[j]?.kind === m.kind && !kept[j]?.date && repeats(kept[j] as Meeting, m)) ?? day;
    }
    const first = kept[same];
    if (!first) {
      if (!m.date) undated.push(kept.length);
      kept.push(m);
      indexes.push(sentenceOf[i] ?? 0);
      return;
    }
    kept[same] = {
      ...first,
      ...(first.date ? {} : m.date ? { date: m.date } : {}),
      status: first.status === 'mentioned' ? m.status : first.status,
    };
  });
  return { kept, indexes };
}

test('merging repeats by the meetings that share name words gives what comparing every kept meeting gives', () => {
  fc.assert(
    fc.property(fc.array(meeting, { maxLength: 40 }), (meetings) => {
      const sentenceOf = meetings.map((_, i) => i);
      assert.deepEqual(mergeRepeats(meetings, sentenceOf), mergeByComparingAll(meetings, sentenceOf));
    }),
    { numRuns: 300, seed: 20261203 },
  );
});
