import { compareDays, isValidDay, type Day } from './calendar';

/** What kind of evidence fixed (or bounded) a year. */
export type YearEvidenceKind =
  | 'written'      // the date carries its year ("17/5/2017")
  | 'same-date'    // the same day and month written with a year elsewhere in the article
  | 'current-year' // "năm nay (2017)", "năm 2016 vừa qua", "6 tháng đầu năm 2017", "từ đầu năm 2017 đến nay"
  | 'anniversary'  // "sơ kết một năm thực hiện Chỉ thị 05" (issued 2016)
  | 'meeting-name' // "Hội nghị tổng kết năm 2020" held in December 2020 or January 2021
  | 'session'      // "kỳ họp thứ 3, Quốc hội khóa XIV" (2017)
  | 'plenum'       // "Hội nghị Trung ương 5 khóa XII": the catalog dates the documents it adopted
  | 'weekday'      // "thứ Hai, 6/2" inside a bounded range of years
  | 'announced'    // "công bố Quyết định số 439-QĐNS/TW ngày 6/2/2017" at the meeting
  | 'neighbours'   // files next to this one in its folder
  | 'period'       // the corpus period setting
  | 'not-before';  // the one year a range leaves on or after the latest dated document cited

/** One piece of evidence about the article's year. */
export interface YearEvidence {
  readonly kind: YearEvidenceKind;
  readonly year: number;
  /** The text (or file) that says so, for hovers and outlines. */
  readonly text: string;
}

/** A dated thing the article cites as past: the article is on or after it. */
export interface LowerBound {
  readonly day: Day;
  readonly text: string;
}

/** A range of years the article lies in: "nhiệm kỳ 2015–2020", "khóa XII". */
export interface YearRange {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Everything the article (and its setting) says about its year. */
export interface YearContext {
  /** Statements that fix the article's year, strongest first. */
  readonly current: readonly YearEvidence[];
  readonly lowerBounds: readonly LowerBound[];
  readonly ranges: readonly YearRange[];
  /** Full dates written in the article, by `MM-DD`, for day/month dates written elsewhere without the year. */
  readonly fullDates: ReadonlyMap<string, YearEvidence>;
  /** Documents announced or handed over at a meeting ("công bố Quyết định số 439 ngày 6/2/2017"): issued shortly before. */
  readonly announced?: readonly LowerBound[];
  /** The neighbours' year, or a function asked for it only when a date needs it. */
  readonly neighbours?: YearEvidence | (() => YearEvidence | undefined);
  readonly period?: YearRange;
}

/** A context with no evidence at all. */
export const emptyYearContext: YearContext = { current: [], lowerBounds: [], ranges: [], fullDates: new Map() };

/** The year of a day/month date, with what fixed it; or the range it is known to lie in, or nothing. */
export type YearResult =
  | { readonly year: number; readonly evidence: YearEvidence }
  | { readonly year?: undefined; readonly range?: YearRange };

/**
 * The year of a date written without one, from evidence in order of strength: the same date written in full,
 * the article's own year as the text states it, an Assembly session, a weekday inside a bounded range,
 * neighbouring files, the corpus period, and last the one year that the ranges (terms) leave on or after the
 * latest cited document. A bound alone is not a year: with no evidence the year stays unknown.
 */
export function inferYear(month: number, day: number, context: YearContext, weekday?: number): YearResult {
  const range = intersect([...context.ranges, ...(context.period ? [context.period] : [])]);
  const bound = latest(context.lowerBounds);
  const inRange = (year: number): boolean => !range || (year >= range.from && year <= range.to);
  const fits = (year: number): boolean =>
    isValidDay(year, month, day) && inRange(year) && (!bound || compareDays({ year, month, day }, bound.day) >= 0);
  const same = context.fullDates.get(`${month}-${day}`);
  if (same) return { year: same.year, evidence: same };
  // What the text states outranks the period setting, but not the terms the text names.
  const terms = intersect(context.ranges);
  const inTerms = (year: number): boolean => !terms || (year >= terms.from && year <= terms.to);
  for (const e of context.current) if (isValidDay(e.year, month, day) && inTerms(e.year)) return { year: e.year, evidence: e };
  // A session's year is stated by the text; a bound from a cited document (perhaps a draft) does not overrule it.
  const session = context.ranges.find((r) => r.from === r.to);
  if (session && isValidDay(session.from, month, day)) return { year: session.from, evidence: { kind: 'session', year: session.from, text: session.text } };
  if (weekday !== undefined && range && range.to - range.from <= 12) {
    const matching = years(range).filter((y) => fits(y) && new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday);
    const only = matching[0];
    if (only !== undefined && matching.length === 1) return { year: only, evidence: { kind: 'weekday', year: only, text: `${range.text}; ${day}/${month}/${only}` } };
  }
  const neighbours = typeof context.neighbours === 'function' ? context.neighbours() : context.neighbours;
  if (neighbours && fits(neighbours.year)) return { year: neighbours.year, evidence: neighbours };
  if (context.period && context.period.from === context.period.to && fits(context.period.from)) {
    return { year: context.period.from, evidence: { kind: 'period', year: context.period.from, text: context.period.text } };
  }
  // A document is announced at a meeting soon after it is signed: the first such day on or after it.
  const announced = latest(context.announced ?? []);
  if (announced) {
    for (const year of [announced.day.year, announced.day.year + 1]) {
      if (fits(year) && compareDays({ year, month, day }, announced.day) >= 0) return { year, evidence: { kind: 'announced', year, text: announced.text } };
    }
  }
  const left = range && bound ? years({ ...range, from: Math.max(range.from, bound.day.year) }).filter(fits) : [];
  const only = left[0];
  if (only !== undefined && left.length === 1) return { year: only, evidence: { kind: 'not-before', year: only, text: `${bound?.text ?? ''}; ${range?.text ?? ''}` } };
  if (!range) return {};
  return { range: bound && bound.day.year > range.from && bound.day.year <= range.to ? { ...range, from: bound.day.year, text: `${range.text}; ${bound.text}` } : range };
}

function intersect(ranges: readonly YearRange[]): YearRange | undefined {
  let out: YearRange | undefined;
  for (const r of ranges) {
    if (!out) out = r;
    else {
      const from = Math.max(out.from, r.from);
      const to = Math.min(out.to, r.to);
      // Contradicting ranges (a term quoted from history) do not narrow each other.
      if (from <= to) out = { from, to, text: `${out.text}; ${r.text}` };
    }
  }
  return out;
}

function latest(bounds: readonly LowerBound[]): LowerBound | undefined {
  let best: LowerBound | undefined;
  for (const b of bounds) if (!best || compareDays(b.day, best.day) > 0) best = b;
  return best;
}

function years(range: YearRange): number[] {
  const out: number[] = [];
  for (let y = range.from; y <= range.to; y++) out.push(y);
  return out;
}

/** The earliest year the article can be in: the start of the term it names (a cited document may be misread, a term is not). */
export function yearFloor(context: YearContext): number | undefined {
  const starts = context.ranges.map((r) => r.from);
  return starts.length > 0 ? Math.max(...starts) : undefined;
}
