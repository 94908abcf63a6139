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
  // Only meetings of the same kind repeat each other: each kind's kept meetings, in order.
  const byKind = new Map<string, number[]>();
  meetings.forEach((m, i) => {
    const words = nameWords(m);
    const sameKind = byKind.get(m.kind) ?? [];
    const same = sameKind.find((j) => isRepeat(kept[j] as Meeting, m, keptWords[j] ?? new Set(), words)) ?? -1;
    const first = kept[same];
    if (!first) {
      sameKind.push(kept.length);
      byKind.set(m.kind, sameKind);
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
  });
  return { kept, indexes };
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
