import { isValidDay, toIso } from '../dates/calendar';
import type { DatePhrase } from '../dates/phrases';
import { inferYear, type YearContext, type YearEvidence } from '../dates/year';
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

/** A meeting date from a date phrase: written year, the meeting's name, then the article's evidence. */
export function toMeetingDate(phrase: DatePhrase, span: Span, name: string, context: YearContext): MeetingDate | undefined {
  const { day, month } = phrase;
  if (day === undefined || month === undefined) return undefined;
  const base = { day, month, span, ...(phrase.timeOfDay ? { timeOfDay: phrase.timeOfDay } : {}) };
  const end = (year: number): { endIso?: string } =>
    phrase.endDay !== undefined && phrase.endMonth !== undefined && isValidDay(year, phrase.endMonth, phrase.endDay)
      ? { endIso: toIso({ year, month: phrase.endMonth, day: phrase.endDay }) } : {};
  if (phrase.year !== undefined) return { ...base, iso: toIso({ year: phrase.year, month, day }), yearInferred: false, ...end(phrase.year) };
  const named = yearFromMeetingName(name, month);
  const result = named && isValidDay(named.year, month, day) ? { year: named.year, evidence: named } : inferYear(month, day, context, phrase.weekday);
  if (result.year === undefined) return { ...base, yearInferred: true, ...(result.range ? { range: result.range } : {}) };
  return { ...base, iso: toIso({ year: result.year, month, day }), yearInferred: true, evidence: result.evidence, ...end(result.year) };
}

/** How a meeting date reads in an outline: the ISO date, or `????-MM-DD` when the year is unknown. */
export function dateLabel(date: MeetingDate): string {
  return date.iso ?? `????-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
