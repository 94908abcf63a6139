import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../core/analyze';
import type { NeighbourHint } from '../core/dates/article-years';
import type { YearEvidenceKind } from '../core/dates/year';
import { stampOf } from './read-text';

/** Evidence a file's own text gives; a year found only from neighbours, the period or a bound does not vouch for another file. */
const TEXTUAL: ReadonlySet<YearEvidenceKind> = new Set(['written', 'same-date', 'current-year', 'anniversary', 'meeting-name', 'session', 'plenum', 'weekday', 'announced']);
/** How many files on each side of a file are read for their year. */
const SIDE = 4;
/** Files larger than this are not read for a neighbour's year. */
const MAX_BYTES = 2 * 1024 * 1024;

/** A file's analysis without year hints (its neighbours' years would let one file's guess spread through the folder). */
export type AnalyzeWithoutHints = (file: string, stamp: string) => Analysis | undefined;

interface Known {
  readonly stamp: string;
  readonly year: number | undefined;
}

interface Listing {
  readonly mtimeMs: number;
  readonly names: readonly string[];
}

/** What is known of one folder: its listing, and the years of its files by name. */
interface Folder {
  listing: Listing | undefined;
  readonly known: Map<string, Known>;
}

/**
 * Folders whose listing and years are kept, the most recently used; a walk in folder order needs only the current
 * one, and forgetting one only costs reading its neighbours again, so memory stays flat however many files a run has.
 */
const FOLDERS_KEPT = 8;

const NATURAL_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * The years that files next to each other in a corpus folder (scrapes are saved in order) fix from their own text,
 * kept until the file changes, so a file whose text gives no year can take the one its neighbours agree on.
 */
export class NeighbourYears {
  private readonly folders = new Map<string, Folder>();

  /**
   * `filesFixed`: the files do not change while this lives (one CLI run over a snapshot), so a folder listed once and a
   * file whose year is known are not looked at on disk again; in the editor they are, as files change under it.
   */
  constructor(private readonly filesFixed = false) {}

  /** The year the nearest dated files before and after `file` in its folder agree on, with their names. */
  hintsFor(file: string, analyze: AnalyzeWithoutHints): NeighbourHint | undefined {
    const folder = path.dirname(file);
    const entry = this.folder(folder);
    const names = this.listing(folder, entry);
    const at = names?.indexOf(path.basename(file)) ?? -1;
    if (!names || at < 0) return undefined;
    const dated: { year: number; name: string }[] = [];
    for (const step of [-1, 1]) {
      for (let i = at + step, n = 0; i >= 0 && i < names.length && n < SIDE; i += step, n++) {
        const name = names[i] as string;
        const year = this.yearOf(path.join(folder, name), name, entry, analyze);
        if (year !== undefined) dated.push({ year, name });
      }
    }
    // Two dated neighbours at least, all of one year: a single file, or a folder that spans years, says nothing.
    const first = dated[0];
    if (!first || dated.length < 2 || dated.some((f) => f.year !== first.year)) return undefined;
    return { year: first.year, files: dated.map((f) => f.name) };
  }

  /** Keeps the year that the analysis of a file without year hints fixes, so the file is not analysed again as a neighbour. */
  record(file: string, stamp: string, unhinted: Analysis): void {
    this.folder(path.dirname(file)).known.set(path.basename(file), { stamp, year: textualYear(unhinted) });
  }

  /** The folder's entry, made the most recently used; the least recently used beyond `FOLDERS_KEPT` are forgotten. */
  private folder(folder: string): Folder {
    let kept = this.folders.get(folder);
    if (kept) this.folders.delete(folder);
    else kept = { listing: undefined, known: new Map() };
    this.folders.set(folder, kept);
    for (const oldest of this.folders.keys()) {
      if (this.folders.size <= FOLDERS_KEPT) break;
      this.folders.delete(oldest);
    }
    return kept;
  }

  /** The folder's `.txt` names in natural order, read again only when the folder changed. */
  private listing(folder: string, entry: Folder): readonly string[] | undefined {
    const kept = entry.listing;
    if (kept && this.filesFixed) return kept.names;
    try {
      const mtimeMs = fs.statSync(folder).mtimeMs;
      if (kept && kept.mtimeMs === mtimeMs) return kept.names;
      const names = fs.readdirSync(folder).filter((n) => n.endsWith('.txt')).sort(NATURAL_ORDER.compare);
      entry.listing = { mtimeMs, names };
      return names;
    } catch {
      return undefined;
    }
  }

  private yearOf(file: string, name: string, entry: Folder, analyze: AnalyzeWithoutHints): number | undefined {
    const cached = entry.known.get(name);
    if (cached && this.filesFixed) return cached.year;
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_BYTES) return undefined;
      stamp = stampOf(stat);
    } catch {
      return undefined;
    }
    if (cached && cached.stamp === stamp) return cached.year;
    const analysis = analyze(file, stamp);
    const year = analysis ? textualYear(analysis) : undefined;
    entry.known.set(name, { stamp, year });
    return year;
  }
}

/** The year a file's own text fixes: its primary meeting's, else the year it states ("những tháng đầu năm 2017", a date line) or its session. */
function textualYear(analysis: Analysis): number | undefined {
  const date = analysis.meetings.find((m) => m.primary)?.date;
  if (date?.iso && (!date.yearInferred || (date.evidence && TEXTUAL.has(date.evidence.kind)))) return Number(date.iso.slice(0, 4));
  return analysis.years.current[0]?.year ?? analysis.years.ranges.find((r) => r.from === r.to && /họp thứ/u.test(r.text))?.from;
}
