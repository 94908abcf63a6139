/** Calendar arithmetic for dates as the text writes them: validity, ISO strings, order. */

/** A calendar day. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Whether the day exists in the Gregorian calendar ("31/02/2021" does not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Whether a day and month can exist in some year (29/2 can). */
export function isValidDayMonth(month: number, day: number): boolean {
  return isValidDay(2000, month, day);
}

/** The number of days of a month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD`. */
export function toIso(d: Day): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** A day from `YYYY-MM-DD`, when valid. */
export function fromIso(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(d.year, d.month, d.day) ? d : undefined;
}

/** A day from day, month and year strings as written ("05", "2", "2017"), when valid. */
export function fromParts(day: string | undefined, month: string | undefined, year: string | undefined): Day | undefined {
  const d = { year: Number(year), month: Number(month), day: Number(day) };
  return isValidDay(d.year, d.month, d.day) ? d : undefined;
}

/** Orders two days (negative when `a` is earlier). */
export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
