import { fromIso, fromParts, type Day } from './calendar';
import { findDatesWithYear } from './phrases';
import { LineMemo } from '../text/memo';
import { currentTerm, findTermRanges } from './terms';
import type { LowerBound, YearContext, YearEvidence, YearRange } from './year';

/** A document the article cites, with the date resolution found for it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export interface CitedDocument {
  readonly line: number;
  /** Offset of the mention in its line's folded text (approximate for decomposed text). */
  readonly at: number;
  readonly text: string;
  readonly date: string;
}

/** Evidence from outside the text: neighbouring files, the corpus period. */
export interface OutsideEvidence {
  readonly neighbours?: YearEvidence | (() => YearEvidence | undefined);
  readonly period?: YearRange;
}

const YEAR = '((?:19|20)\\d{2})';
// Each with a word its every match holds, tested first: a regex costs far more than a substring search.
const CURRENT: readonly { re: RegExp; shift: number; word: string }[] = [
  { re: new RegExp(`năm nay\\s*[,(]?\\s*(?:năm\\s+)?${YEAR}(?!\\d)`, 'u'), shift: 0, word: 'năm nay' },
  { re: new RegExp(`năm\\s+${YEAR}\\s+này`, 'u'), shift: 0, word: 'này' },
  { re: new RegExp(`(?:những|các|\\d+|sáu|chín)\\s+tháng\\s+đầu\\s+năm\\s+(?:nay\\s*\\(?\\s*)?${YEAR}`, 'u'), shift: 0, word: 'đầu' },
  { re: new RegExp(`năm\\s+${YEAR}\\s+(?:vừa qua|vừa rồi|vừa kết thúc)`, 'u'), shift: 1, word: 'vừa' },
];
const FOUR_DIGITS_OF_A_YEAR = /(?:19|20)\d{2}/u;
const WRITTEN_YEARS = /(?<!\d)((?:19|20)\d{2})(?!\d)/gu;
const SINCE = new RegExp(`(?:từ\\s+)?(?:đầu\\s+)?năm\\s+${YEAR}\\)?\\s+(?:đến|tới)\\s+nay`, 'gu');
const NUMBER_WORDS: Readonly<Record<string, number>> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, mười: 10 };
const ANNIVERSARY = /(?:sơ kết|tổng kết|sau|qua|kỷ niệm)\s+(\d{1,2}|một|hai|ba|bốn|năm|mười)\s+năm\s+(?:thực hiện|triển khai|thi hành|ban hành)/gu;
const ISSUED_BEFORE = /(?:\d+\s*[-–/]\s*[\p{L}đ/-]+|nghị quyết|chỉ thị|quyết định|kết luận|thông tư|nghị định|công văn|quy định|luật|thông báo|văn bản)(?:\s+số)?[^.;:]{0,25}(?:ban hành\s+)?(?:ngày|,)?\s*$/u;
const ANNOUNCED = /(?:công bố|trao|trao quyết định|đọc)\s+(?:các\s+)?(?:quyết định|nghị quyết|chỉ thị|kết luận|quy định|thông báo)[^.;]{0,80}$/u;
const PLANNED_BEFORE = /(?:sẽ|dự kiến|kế hoạch|đến|tới|từ)\s+(?:\p{L}+\s+){0,3}$/u;

/** A full date a line writes, with what it says about the article's year. */
interface LineDate {
  readonly key: string;
  readonly evidence: YearEvidence;
  readonly endKey?: string;
  /** The issue date of a document, which the article comes after. */
  readonly issued?: LowerBound;
  /** That document was announced or handed over in the article. */
  readonly announced: boolean;
}

/** What one folded line says about the article's year, before the lines are put together. */
interface LineEvidence {
  readonly current: readonly YearEvidence[];
  readonly ranges: readonly YearRange[];
  readonly since: readonly LowerBound[];
  readonly dates: readonly LineDate[];
  readonly anniversaries: readonly { readonly at: number; readonly years: number; readonly text: string }[];
  /** The years the line writes. */
  readonly written: readonly number[];
}

const evidenceByLine = new LineMemo((folded: string): LineEvidence => {
  const ranges = findTermRanges(folded);
  // Every statement of the year but an anniversary writes "năm" and the year: the regexes run only where both are.
  const nam = folded.includes('năm');
  const hasYear = FOUR_DIGITS_OF_A_YEAR.test(folded);
  const current: YearEvidence[] = [];
  const since: LowerBound[] = [];
  const written: number[] = [];
  if (hasYear) {
    for (const m of folded.matchAll(WRITTEN_YEARS)) written.push(Number(m[1]));
    if (nam) {
      for (const { re, shift, word } of CURRENT) {
        const m = folded.includes(word) ? re.exec(folded) : null;
        if (m?.[1]) current.push({ kind: 'current-year', year: Number(m[1]) + shift, text: m[0] });
      }
      // "từ đầu năm 2016 đến nay": the article is in 2016 or later.
      for (const m of folded.matchAll(SINCE)) since.push({ day: { year: Number(m[1]), month: 1, day: 1 }, text: m[0] });
    }
  }
  const dates: LineDate[] = [];
  for (const p of findDatesWithYear(folded)) {
    if (p.year === undefined || p.day === undefined || p.month === undefined) continue;
    // A document's issue date ("Quyết định số 439-QĐNS/TW ngày 6/2/2017") is in the past of the article.
    const before = folded.slice(Math.max(0, p.start - 60), p.start);
    const issued = ISSUED_BEFORE.test(before)
      ? { day: { year: p.year, month: p.month, day: p.day }, text: folded.slice(Math.max(0, p.start - 40), p.end).trim() } : undefined;
    dates.push({
      key: `${p.month}-${p.day}`,
      evidence: { kind: 'same-date', year: p.year, text: folded.slice(p.start, p.end) },
      ...(p.endDay !== undefined && p.endMonth !== undefined ? { endKey: `${p.endMonth}-${p.endDay}` } : {}),
      ...(issued ? { issued } : {}),
      announced: issued !== undefined && ANNOUNCED.test(folded.slice(Math.max(0, p.start - 120), p.start)),
    });
  }
  const anniversaries = nam
    ? [...folded.matchAll(ANNIVERSARY)].map((m) => ({ at: m.index ?? 0, years: Number(m[1]) || NUMBER_WORDS[m[1] ?? ''] || 0, text: m[0] }))
    : [];
  return { current, ranges, since, dates, anniversaries, written };
}, 50_000);

/** Collects what the article's folded lines say about its year, with the dates of the documents it cites. */
export function findYearContext(lines: readonly string[], cited: readonly CitedDocument[], outside: OutsideEvidence = {}): YearContext {
  const current: YearEvidence[] = [];
  const lowerBounds: LowerBound[] = [];
  const announced: LowerBound[] = [];
  const ranges: YearRange[] = [];
  const fullDates = new Map<string, YearEvidence | null>();
  let latestWritten: number | undefined;
  lines.forEach((folded, line) => {
    const found = evidenceByLine.get(folded);
    current.push(...found.current);
    ranges.push(...found.ranges);
    lowerBounds.push(...found.since);
    for (const d of found.dates) {
      if (d.issued) {
        lowerBounds.push(d.issued);
        if (d.announced) announced.push(d.issued);
      }
      const known = fullDates.get(d.key);
      fullDates.set(d.key, known === undefined || known?.year === d.evidence.year ? d.evidence : null);
      if (d.endKey !== undefined) fullDates.set(d.endKey, d.evidence);
    }
    for (const a of found.anniversaries) {
      const doc = cited.find((c) => c.line === line && c.at >= a.at && c.at - a.at < 200);
      if (a.years > 0 && doc) current.push({ kind: 'anniversary', year: Number(doc.date.slice(0, 4)) + a.years, text: `${a.text} ${doc.text} (${doc.date})` });
    }
    for (const year of found.written) latestWritten = latestWritten === undefined ? year : Math.max(latestWritten, year);
  });
  for (const c of cited) {
    const before = (lines[c.line] ?? '').slice(Math.max(0, c.at - 40), c.at);
    if (/dự thảo\s*$|dự án\s*$/u.test(before) || PLANNED_BEFORE.test(before)) continue;
    const day = partialDay(c.date);
    if (day) lowerBounds.push({ day, text: `${c.text} (${c.date})` });
  }
  const isSession = (r: YearRange): boolean => r.from === r.to && /họp thứ/u.test(r.text);
  const isNamedTerm = (r: YearRange): boolean => /nhiệm kỳ/u.test(r.text);
  // No article lives in a year later than every year it writes, plus one ("năm 2016 vừa qua"): a misread document
  // ("13 năm thi hành Nghị quyết 39" taken for the 2015 one) must not date it in 2028.
  const plausible = current.filter((e) => e.kind !== 'anniversary' || latestWritten === undefined || e.year <= latestWritten + 1);
  const term = currentTerm(ranges.filter((r) => !isSession(r) && !isNamedTerm(r)));
  const session = mostMentioned(ranges.filter(isSession));
  // "nhiệm kỳ 2015-2020" bounds the article when it is the only term the article names: articles also recall past
  // terms and prepare coming ones ("bầu cử … nhiệm kỳ 2021-2026").
  const named = [...new Map(ranges.filter(isNamedTerm).map((r) => [`${r.from}-${r.to}`, r])).values()];
  const onlyNamed = named.length === 1 ? named[0] : undefined;
  const dates = new Map<string, YearEvidence>();
  for (const [k, v] of fullDates) if (v) dates.set(k, v);
  return {
    current: plausible, lowerBounds, announced, ranges: [...(session ? [session] : []), ...(term ? [term] : []), ...(onlyNamed ? [onlyNamed] : [])], fullDates: dates,
    ...(outside.neighbours ? { neighbours: outside.neighbours } : {}),
    ...(outside.period ? { period: outside.period } : {}),
  };
}

/** The session an article names most often (the one it reports; others are past or planned), the first on a tie. */
function mostMentioned(sessions: readonly YearRange[]): YearRange | undefined {
  const counts = new Map<number, number>();
  for (const s of sessions) counts.set(s.from, (counts.get(s.from) ?? 0) + 1);
  let best: YearRange | undefined;
  for (const s of sessions) if (!best || (counts.get(s.from) ?? 0) > (counts.get(best.from) ?? 0)) best = s;
  return best;
}

/** The first day a partial date can be: `2017` → 1 January 2017. */
function partialDay(date: string): Day | undefined {
  const [y, m, d] = date.split('-');
  return fromIso(date) ?? fromParts(d ?? '1', m ?? '1', y);
}
