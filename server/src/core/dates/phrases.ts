import { isValidDay, isValidDayMonth } from './calendar';
import { LETTER_OR_MARK_BEFORE, matchesNotAfter } from '../text/match-after';

/** The part of the day a date phrase names ("sáng 8/2"). */
export type TimeOfDay = 'sáng' | 'chiều' | 'tối' | 'trưa' | 'đêm';

/** A day relative to the article's own day. */
export type RelativeDay = 'today' | 'yesterday' | 'tomorrow' | 'same-day';

/** A date as news text writes it, read from a folded (NFC, lower-case) string. */
export interface DatePhrase {
  /** Offsets of the whole phrase in the string read. */
  readonly start: number;
  readonly end: number;
  /** Day and month; absent for a bare "chiều nay". */
  readonly day?: number;
  readonly month?: number;
  /** The year, when written. */
  readonly year?: number;
  /** The last day of a range ("từ ngày 5 đến 7/7", "ngày 19 và 20/5"). */
  readonly endDay?: number;
  readonly endMonth?: number;
  readonly timeOfDay?: TimeOfDay;
  readonly relative?: RelativeDay;
  /** 0 = Sunday … 6 = Saturday, when a weekday is written ("thứ Hai, 6/2"). */
  readonly weekday?: number;
}

// Day and month with `/`, `-` or `.`, or "d tháng m"; the year may follow. Digits or letters glued on either side
// mean something else (a document number, an amount, a decimal).
// The leading lookbehinds (no letter, digit or separator before) are checked by `matchesNotAfter`, much faster.
const CORE = /(\d{1,2})(?:(\s*\/\s*|-|\.)(\d{1,2})(?:\2(\d{4}))?|\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?)(?![\d%]|[/.,-]\d|\s*%|\s*(?:triệu|tỷ|nghìn|ngàn|km|ha|người|đồng))/gu;
const LEAD = /(?:(?:buổi\s+)?(sáng|chiều|tối|trưa|đêm)\s*)?(?:(hôm nay|nay|hôm qua|qua|cùng ngày|hôm sau|ngày mai|mai)\s*)?(?:[,(]\s*)?(?:(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\s*[,(]?\s*)?(?:vào\s+)?(?:(từ\s+)?(ngày|hôm)\s+)?$/u;
const RANGE_START = /(?:(từ)\s+)?(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*(\d{1,2}))?\s*(?:-|–|đến|tới|và)\s*(?:ngày\s+)?$/u;
const CORE_NOT_AFTER = /[\p{L}\p{M}\d/.,-]$/u;
const RELATIVE_ONLY = /(?:(?:buổi\s+)?(sáng|chiều|tối|trưa|đêm)\s+(nay|hôm nay|qua|hôm qua|cùng ngày|mai)|(hôm nay|hôm qua))(?![\p{L}\p{M}])/gu;

const DIGIT = /\d/u;
const FOUR_DIGITS = /\d{4}/u;
// A word every relative-day phrase has ("hôm", a part of the day): without one, the slow regex cannot match.
const RELATIVE_DAY_WORD = /hôm|sáng|chiều|tối|trưa|đêm/u;

const WEEKDAYS: Readonly<Record<string, number>> = { 'chủ nhật': 0, hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };
const RELATIVE: Readonly<Record<string, RelativeDay>> = {
  'hôm nay': 'today', nay: 'today', 'hôm qua': 'yesterday', qua: 'yesterday', 'cùng ngày': 'same-day', 'hôm sau': 'tomorrow', 'ngày mai': 'tomorrow', mai: 'tomorrow',
};

/** Every date phrase of a folded string, in order: "sáng nay 8-2", "chiều 22/12", "hôm qua (7/2)", "từ ngày 5 đến 7/7". */
export function findDatePhrases(folded: string): DatePhrase[] {
  const out = DIGIT.test(folded) ? numericPhrases(folded) : [];
  if (RELATIVE_DAY_WORD.test(folded)) for (const m of matchesNotAfter(folded, RELATIVE_ONLY, LETTER_OR_MARK_BEFORE)) {
    const start = m.index ?? 0;
    if (out.some((p) => p.start <= start && start < p.end)) continue;
    const time = m[1] as TimeOfDay | undefined;
    const relative = RELATIVE[m[2] ?? m[3] ?? ''];
    out.push({ start, end: start + m[0].length, ...(time ? { timeOfDay: time } : {}), ...(relative ? { relative } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The date phrases of a folded string that write their year ("6/2/2017", "ngày 5 tháng 3 năm 2017"), in order. */
export function findDatesWithYear(folded: string): DatePhrase[] {
  return FOUR_DIGITS.test(folded) ? numericPhrases(folded).filter((p) => p.year !== undefined) : [];
}

/** The phrases with a day and month, in order of their start. */
function numericPhrases(folded: string): DatePhrase[] {
  const out: DatePhrase[] = [];
  for (const m of matchesNotAfter(folded, CORE, CORE_NOT_AFTER)) {
    const phrase = toPhrase(folded, m);
    if (!phrase) continue;
    // The first day of a range ("từ ngày 5-5 đến 10-5-2017") is read again as part of the range.
    while (out.length > 0 && (out[out.length - 1]?.start ?? -1) >= phrase.start) out.pop();
    out.push(phrase);
  }
  return out;
}

function toPhrase(folded: string, m: RegExpMatchArray): DatePhrase | undefined {
  const at = m.index ?? 0;
  const day = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const yearText = m[4] ?? m[6];
  const year = yearText ? Number(yearText) : undefined;
  if (year !== undefined ? !isValidDay(year, month, day) : !isValidDayMonth(month, day)) return undefined;
  const before = folded.slice(Math.max(0, at - 80), at);
  const range = RANGE_START.exec(before);
  const rangeStart = range ? at - range[0].length : at;
  const rangeFirst = range ? { day: Number(range[2]), month: range[3] ? Number(range[3]) : month } : undefined;
  const validRange = rangeFirst && isValidDayMonth(rangeFirst.month, rangeFirst.day) && (rangeFirst.month < month || (rangeFirst.month === month && rangeFirst.day < day));
  const from = validRange ? rangeStart : at;
  const lead = LEAD.exec(folded.slice(Math.max(0, from - 80), from));
  const leadText = lead?.[0] ?? '';
  const hasLeadWord = /\p{L}/u.test(leadText) || (validRange && range?.[1] !== undefined);
  // "3-4" and "5.2" are also amounts and decimals: without a year they need a word that makes them a date.
  const separator = m[2] ?? 'tháng';
  if (year === undefined && separator.trim() !== '/' && !hasLeadWord) return undefined;
  const start = from - leadText.length;
  const timeOfDay = lead?.[1] as TimeOfDay | undefined;
  const relative = RELATIVE[lead?.[2] ?? ''];
  const weekdayWord = lead?.[3]?.replace(/^thứ\s+/u, '');
  const weekday = weekdayWord !== undefined ? WEEKDAYS[weekdayWord] : undefined;
  const first = validRange && rangeFirst ? rangeFirst : { day, month };
  // "hôm qua (7/2)": the closing parenthesis belongs to the phrase.
  const closes = leadText.includes('(') && folded[at + m[0].length] === ')';
  return {
    start: start + (leadText.length - leadText.trimStart().length),
    end: at + m[0].length + (closes ? 1 : 0),
    day: first.day,
    month: first.month,
    ...(year !== undefined ? { year } : {}),
    ...(validRange ? { endDay: day, endMonth: month } : {}),
    ...(timeOfDay ? { timeOfDay } : {}),
    ...(relative ? { relative } : {}),
    ...(weekday !== undefined ? { weekday } : {}),
  };
}
