import { LineMemo } from '../text/memo';
import { fold } from '../text/normalized-text';
import type { Meeting } from './types';

/**
 * The same meeting told twice (the sapo and the body, a caption and the lead) is one meeting: a later one with the
 * same kind and day, or the same name, is dropped, and what it knew that the first did not is kept.
 */
export function mergeRepeats(meetings: readonly Meeting[], sentenceOf: readonly number[]): { kept: Meeting[]; indexes: number[] } {
  const kept: Meeting[] = [];
  const keptWords: ReadonlySet<string>[] = [];
  const indexes: number[] = [];
  // Only meetings of the same kind repeat each other: each kind's kept meetings, in order, and its dated ones by day.
  const byKind = new Map<string, KindIndex>();
  meetings.forEach((m, i) => {
    const words = nameWords(m);
    let kind = byKind.get(m.kind);
    if (!kind) {
      kind = { all: [], undated: [], byDay: new Map() };
      byKind.set(m.kind, kind);
    }
    const same = firstRepeated(kind, kept, keptWords, m, words);
    const first = kept[same];
    if (!first) {
      kind.all.push(kept.length);
      if (m.date) pushTo(kind.byDay, dayOf(m.date), kept.length);
      else kind.undated.push(kept.length);
      kept.push(m);
      keptWords.push(words);
      indexes.push(sentenceOf[i] ?? 0);
      return;
    }
    // The merged meeting keeps the first one's title, hence its name words.
    kept[same] = {
      ...first,
      ...(first.date ? {} : m.date ? { date: m.date } : {}),
      ...(first.organizer ? {} : m.organizer ? { organizer: m.organizer } : {}),
      ...(first.chair ? {} : m.chair ? { chair: m.chair } : {}),
      ...(first.place ? {} : m.place ? { place: m.place } : {}),
      status: first.status === 'mentioned' ? m.status : first.status,
    };
    // A kept meeting that took its repeat's date is found by that day from now on (it stays in `undated` until skipped).
    if (!first.date && m.date) pushTo(kind.byDay, dayOf(m.date), same);
  });
  return { kept, indexes };
}

/** One kind's kept meetings: all of them in order, those without a date, and the dated ones by day and month. */
interface KindIndex {
  readonly all: number[];
  readonly undated: number[];
  readonly byDay: Map<string, number[]>;
}

/**
 * The first kept meeting of the kind that `isRepeat` finds `m` repeats, or -1. A dated meeting repeats the first
 * kept one of its day, or an earlier undated one with the same name; an undated one is compared by name with all.
 */
function firstRepeated(kind: KindIndex, kept: readonly Meeting[], keptWords: readonly ReadonlySet<string>[], m: Meeting, words: ReadonlySet<string>): number {
  const repeats = (j: number): boolean => isRepeat(kept[j] as Meeting, m, keptWords[j] ?? new Set(), words);
  if (!m.date) return kind.all.find(repeats) ?? -1;
  let best = -1;
  for (const j of kind.byDay.get(dayOf(m.date)) ?? []) if (best < 0 || j < best) best = j;
  for (const j of kind.undated) {
    if (best >= 0 && j > best) break;
    if (!kept[j]?.date && repeats(j)) return j;
  }
  return best;
}

function dayOf(date: NonNullable<Meeting['date']>): string {
  return `${date.day}/${date.month}`;
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isRepeat(a: Meeting, b: Meeting, x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  if (a.kind !== b.kind) return false;
  if (a.date && b.date) return a.date.day === b.date.day && a.date.month === b.date.month;
  // Told twice, a meeting keeps most of its name: "cuộc họp về sửa đổi, bổ sung dự thảo Luật Du lịch" and
  // "cuộc họp góp ý, bổ sung dự thảo Luật Du lịch".
  if (x.size < 3 || y.size < 3) return false;
  // At most the smaller set is shared: sizes too far apart cannot reach the share.
  if ((2 * Math.min(x.size, y.size)) / (x.size + y.size) < SAME_NAME) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size) >= SAME_NAME;
}

/** The share of name words two mentions of one meeting have in common at least. */
const SAME_NAME = 0.6;

/** A meeting's title words; an edit keeps most titles, so they are worked out once per title. */
function nameWords(m: Meeting): ReadonlySet<string> {
  return titleWords.get(m.title);
}

const titleWords = new LineMemo((title: string): ReadonlySet<string> => new Set(fold(title).split(/[^\p{L}\p{M}\d]+/u).filter((w) => w.length > 0)), 50_000);

/**
 * The meeting the article reports is the one its lead dates: the first dated, not merely mentioned, meeting in
 * the lead; else the first reported one there. A meeting deep in the body is never the article's subject.
 */
export function choosePrimary(meetings: readonly Meeting[], sentenceOf: readonly number[], leadSentences: number): number | undefined {
  const inLead = (i: number): boolean => (sentenceOf[i] ?? Infinity) < leadSentences;
  // A reported meeting comes before an announced one, unless the lead announces it for today ("Sáng nay, 21/06/2017,
  // kỳ họp … sẽ bế mạc"): the sapo's "họp phiên bế mạc vào ngày 21/6" is a detail of a press conference held today.
  const rank = (m: Meeting): number => (m.status === 'reported' || m.date?.relative === 'today' ? 0 : 1);
  let dated = -1;
  meetings.forEach((m, i) => {
    if (!inLead(i) || m.status === 'mentioned' || m.date === undefined) return;
    const best = meetings[dated];
    if (!best || rank(m) < rank(best)) dated = i;
  });
  if (dated >= 0) return dated;
  const reported = meetings.findIndex((m, i) => inLead(i) && m.status === 'reported');
  if (reported >= 0) return reported;
  // A lead that dates nothing: the meeting the article reports is the first it dates.
  const later = meetings.findIndex((m) => m.status === 'reported' && m.date !== undefined);
  return later >= 0 ? later : undefined;
}
