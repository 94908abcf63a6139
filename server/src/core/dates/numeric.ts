import { fromParts, toIso, type Day } from './calendar';

/** A full numeric date as Vietnamese text writes it: `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, spaces allowed around separators. */
export const NUMERIC_DATE_SOURCE = '(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})';

const WHOLE = new RegExp(`^\\s*${NUMERIC_DATE_SOURCE}\\s*$`, 'u');

/** Parses a full numeric date ("31/12/2020", "5-2-2017"); undefined when malformed or not a real day ("31/02/2021"). */
export function parseNumericDate(text: string): Day | undefined {
  const m = WHOLE.exec(text);
  return m ? fromParts(m[1], m[2], m[3]) : undefined;
}

/** The ISO date of a match of `NUMERIC_DATE_SOURCE` (groups from `first`: day, month, year), when it is a real day. */
export function isoFromMatch(m: RegExpExecArray, first = 1): string | undefined {
  const d = fromParts(m[first], m[first + 1], m[first + 2]);
  return d ? toIso(d) : undefined;
}
