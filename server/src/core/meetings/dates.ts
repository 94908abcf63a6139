/** A date as a meeting sentence gives it, with the year filled in where the text omits it. */
export interface MeetingDate {
  /** ISO `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  readonly iso: string;
  readonly yearInferred: boolean;
  readonly timeOfDay?: 'sáng' | 'chiều' | 'tối' | 'trưa';
  /** Offsets of the date phrase in the folded sentence. */
  readonly start: number;
  readonly end: number;
}

const DAY_MONTH = /(?<![\p{L}\p{M}\d/])(?:(sáng|chiều|tối|trưa)\s+)?(?:(?:hôm\s+)?nay\s*\(|ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/]|-[\p{L}])/u;
const QUARTER_YEAR = /quý\s+[ivx1-4]+\s*\/\s*(\d{4})/u;
const YEAR_WORD = /năm\s+((?:19|20)\d{2})/gu;

/**
 * Finds the first day/month date in a folded sentence and infers its year from `yearContext`
 * (the meeting's name, which says what period it covers), else the fallback.
 */
export function findMeetingDate(sentence: string, fallbackYear: number | undefined, yearContext = sentence): MeetingDate | undefined {
  const m = DAY_MONTH.exec(sentence);
  if (!m) return undefined;
  const day = Number(m[2]);
  const month = Number(m[3]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const timeOfDay = m[1] as MeetingDate['timeOfDay'] | undefined;
  const base = { start: m.index, end: m.index + m[0].length, ...(timeOfDay ? { timeOfDay } : {}) };
  if (m[4]) return { ...base, iso: iso(Number(m[4]), month, day), yearInferred: false };
  const year = inferYear(yearContext, month, fallbackYear);
  if (year === undefined) return undefined;
  return { ...base, iso: iso(year, month, day), yearInferred: true };
}

/**
 * The year of a day/month date: a quarter ("quý II/2023") fixes it; a review of "năm 2020" held in
 * December is in 2020 and one held in January or February is in the following year; else the article's year.
 */
export function inferYear(sentence: string, month: number, fallbackYear: number | undefined): number | undefined {
  const quarter = QUARTER_YEAR.exec(sentence);
  if (quarter) return Number(quarter[1]);
  const years = [...sentence.matchAll(YEAR_WORD)].map((y) => Number(y[1]));
  const reviewed = years.length > 0 ? Math.min(...years) : undefined;
  if (reviewed !== undefined) return month <= 2 && /tổng kết/u.test(sentence) ? reviewed + 1 : reviewed;
  return fallbackYear;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
