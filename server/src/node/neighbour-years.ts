import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisOptions } from '../core/analyze';
import type { NeighbourHint } from '../core/dates/article-years';
import type { YearEvidenceKind } from '../core/dates/year';
import { readText } from './read-text';

/** Evidence a file's own text gives; a year found only from neighbours, the period or a bound does not vouch for another file. */
const TEXTUAL: ReadonlySet<YearEvidenceKind> = new Set(['written', 'same-date', 'current-year', 'anniversary', 'meeting-name', 'session', 'plenum', 'weekday', 'announced']);
/** How many files on each side of a file are read for their year. */
const SIDE = 4;
/** Files larger than this are not read for a neighbour's year. */
const MAX_BYTES = 2 * 1024 * 1024;

interface Known {
  readonly mtimeMs: number;
  readonly year: number | undefined;
}

/**
 * The years that files next to each other in a corpus folder (scrapes are saved in order) fix from their own text,
 * cached by modification time, so a file whose text gives no year can take the one its neighbours agree on.
 */
export class NeighbourYears {
  private readonly known = new Map<string, Known>();

  /** The year the nearest dated files before and after `file` in its folder agree on, with their names. */
  hintsFor(file: string, options: AnalysisOptions): NeighbourHint | undefined {
    let names: string[];
    try {
      names = fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.txt')).sort(compareNames);
    } catch {
      return undefined;
    }
    const at = names.indexOf(path.basename(file));
    if (at < 0) return undefined;
    const dated: { year: number; name: string }[] = [];
    for (const step of [-1, 1]) {
      for (let i = at + step, n = 0; i >= 0 && i < names.length && n < SIDE; i += step, n++) {
        const name = names[i] as string;
        const year = this.yearOf(path.join(path.dirname(file), name), options);
        if (year !== undefined) dated.push({ year, name });
      }
    }
    // Two dated neighbours at least, all of one year: a single file, or a folder that spans years, says nothing.
    const first = dated[0];
    if (!first || dated.length < 2 || dated.some((f) => f.year !== first.year)) return undefined;
    return { year: first.year, files: dated.map((f) => f.name) };
  }

  private yearOf(file: string, options: AnalysisOptions): number | undefined {
    let mtimeMs: number;
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_BYTES) return undefined;
      mtimeMs = stat.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.known.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.year;
    const read = readText(file);
    let year: number | undefined;
    if ('text' in read) {
      // The neighbour's own text only: its neighbours' years would let one file's guess spread through the folder.
      const analysis = analyze(read.text, { ...options, years: {} });
      const date = analysis.meetings.find((m) => m.primary)?.date;
      if (date?.iso && (!date.yearInferred || (date.evidence && TEXTUAL.has(date.evidence.kind)))) year = Number(date.iso.slice(0, 4));
      // Without a dated meeting, the year the text states ("những tháng đầu năm 2017", a date line) or its session.
      year ??= analysis.years.current[0]?.year ?? analysis.years.ranges.find((r) => r.from === r.to && /họp thứ/u.test(r.text))?.from;
    }
    this.known.set(file, { mtimeMs, year });
    return year;
  }
}

/** Names in natural order, so `baomoi_9.txt` comes before `baomoi_10.txt`. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
