import { isValidDay, toIso } from '../dates/calendar';
import type { DatePhrase } from '../dates/phrases';
import { inferYear, type YearContext, type YearEvidence } from '../dates/year';
import { toOrdinal } from '../text/roman';
import type { Span } from '../types';
import type { MeetingDate } from './types';

const QUARTER_YEAR = /quý\s+[ivx1-4]+\s*\/\s*((?:19|20)\d{2})/u;
const YEAR_WORD = /năm\s+((?:19|20)\d{2})/gu;

/**
 * The year a meeting's own name gives a day/month date: a quarter ("quý II/2023") fixes it; a review of
 * "năm 2020" held in December is in 2020 and one held in January or February is in the following year.
 */
export function yearFromMeetingName(name: string, month: number): YearEvidence | undefined {
  const quarter = QUARTER_YEAR.exec(name);
  if (quarter) return { kind: 'meeting-name', year: Number(quarter[1]), text: quarter[0] };
  const years = [...name.matchAll(YEAR_WORD)].map((y) => Number(y[1]));
  if (years.length === 0) return undefined;
  const reviewed = Math.min(...years);
  // A review of one year with the plan for the next ("năm 2016, phương hướng … 2017") sits at the turn of the year.
  const planned = /(?:19|20)\d{2}/u.test(name.replace(String(reviewed), '')) && name.includes(String(reviewed + 1));
  const year = month <= 2 && (/tổng kết/u.test(name) || planned) ? reviewed + 1 : reviewed;
  return { kind: 'meeting-name', year, text: `năm ${reviewed}` };
}

/** The year of a Central Committee plenum ("khóa XII", plenum 5) from the catalog's documents it adopted, when known. */
export type PlenumYear = (term: number, plenum: number) => YearEvidence | undefined;

const ORDINAL_WORDS: Readonly<Record<string, number>> = { nhất: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
const PLENUM = /hội nghị\s+(?:lần thứ\s+)?(\d{1,2}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:ban chấp hành\s+)?trung ương(?:\s+đảng)?\s*,?\s*\(?(?:khóa|khoá)\s+([xvi]+)(?![\p{L}\p{M}])|hội nghị\s+(?:ban chấp hành\s+)?trung ương(?:\s+đảng)?\s+(?:lần thứ\s+)?(\d{1,2}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\s*,?\s*\(?(?:khóa|khoá)\s+([xvi]+)(?![\p{L}\p{M}])/u;

/** The year a plenum named in a meeting's name was held, from the documents the catalog says it adopted. */
export function yearFromPlenum(name: string, plenumYear: PlenumYear | undefined): YearEvidence | undefined {
  const m = plenumYear ? PLENUM.exec(name) : null;
  if (!m || !plenumYear) return undefined;
  const ordinal = m[1] ?? m[3] ?? '';
  const plenum = Number(ordinal) || ORDINAL_WORDS[ordinal];
  const term = toOrdinal(m[2] ?? m[4] ?? '');
  return plenum && term ? plenumYear(term, plenum) : undefined;
}

/** A meeting date from a date phrase: written year, the meeting's name, then the article's evidence. */
export function toMeetingDate(phrase: DatePhrase, span: Span, name: string, context: YearContext, plenumYear?: PlenumYear): MeetingDate | undefined {
  const { day, month } = phrase;
  if (day === undefined || month === undefined) return undefined;
  const base = { day, month, span, ...(phrase.timeOfDay ? { timeOfDay: phrase.timeOfDay } : {}), ...(phrase.relative ? { relative: phrase.relative } : {}) };
  const end = (year: number): { endIso?: string } =>
    phrase.endDay !== undefined && phrase.endMonth !== undefined && isValidDay(year, phrase.endMonth, phrase.endDay)
      ? { endIso: toIso({ year, month: phrase.endMonth, day: phrase.endDay }) } : {};
  if (phrase.year !== undefined) return { ...base, iso: toIso({ year: phrase.year, month, day }), yearInferred: false, ...end(phrase.year) };
  const named = yearFromMeetingName(name, month) ?? yearFromPlenum(name, plenumYear);
  const result = named && isValidDay(named.year, month, day) ? { year: named.year, evidence: named } : inferYear(month, day, context, phrase.weekday);
  if (result.year === undefined) return { ...base, yearInferred: true, ...(result.range ? { range: result.range } : {}) };
  return { ...base, iso: toIso({ year: result.year, month, day }), yearInferred: true, evidence: result.evidence, ...end(result.year) };
}

/** How a meeting date reads in an outline: the ISO date, or `????-MM-DD` when the year is unknown. */
export function dateLabel(date: MeetingDate): string {
  return date.iso ?? `????-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
