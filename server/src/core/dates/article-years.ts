import type { ArticleFacts } from '../article/facts';
import type { Catalog } from '../references/catalog';
import type { ResolvedMention } from '../references/resolve';
import type { PlenumYear } from '../meetings/dates';
import { toOrdinal } from '../text/roman';
import type { ArticleText } from '../text/article-text';
import { intern, LineMemo } from '../text/memo';
import { fold } from '../text/normalized-text';
import { findYearContext, type CitedDocument } from './evidence';
import type { YearContext, YearEvidence, YearRange } from './year';

/** The year neighbouring files agree on. */
export interface NeighbourHint {
  readonly year: number;
  readonly files: readonly string[];
}

/** Evidence about an article's year from outside its text, given by the adapters. */
export interface YearHints {
  /** The corpus period setting (`vnCorpus.meetings.period`). */
  readonly period?: { readonly from: number; readonly to: number };
  /**
   * The year the neighbouring files of the same folder agree on, with their names; as a function it is asked only
   * when a date's year needs it (reading neighbours costs file reads).
   */
  readonly neighbours?: NeighbourHint | (() => NeighbourHint | undefined);
}

/** Lines read for year evidence: the evidence of a report is in its first pages. */
const YEAR_LINES = 2000;

const foldedLines = new LineMemo((line: string) => intern(fold(line)), 50_000);

/** What the article, the documents it cites (as resolved against the catalogs) and the hints say about its year. */
export function yearContextOf(doc: ArticleText, references: readonly ResolvedMention[], article: ArticleFacts, hints: YearHints = {}): YearContext {
  const lines: string[] = [];
  for (let line = 0; line < Math.min(doc.lineCount, YEAR_LINES); line++) lines.push(doc.lineValue(foldedLines, line));
  const cited: CitedDocument[] = [];
  for (const r of references) {
    const date = documentDate(r);
    if (!date) continue;
    const line = doc.lines.lineAt(r.mention.span.start);
    if (line >= YEAR_LINES) continue;
    cited.push({ line, at: r.mention.span.start - doc.line(line).start, text: r.mention.text.normalize('NFC'), date });
  }
  const context = findYearContext(lines, cited);
  // A date line ("04/01/2021") states the article's own year: it outranks every inference.
  const stated: YearEvidence | undefined = article.date ? { kind: 'current-year', year: Number(article.date.slice(0, 4)), text: article.date } : undefined;
  return withYearHints(stated ? { ...context, current: [stated, ...context.current] } : context, hints);
}

/** A year context with these hints in place of the ones it had: the text's own evidence does not depend on them. */
export function withYearHints(context: YearContext, hints: YearHints = {}): YearContext {
  const own: YearContext = { current: context.current, lowerBounds: context.lowerBounds, ...(context.announced ? { announced: context.announced } : {}), ranges: context.ranges, fullDates: context.fullDates };
  const toEvidence = (h: NeighbourHint | undefined): YearEvidence | undefined => (h ? { kind: 'neighbours', year: h.year, text: h.files.join(', ') } : undefined);
  const hint = hints.neighbours;
  let asked: { value: YearEvidence | undefined } | undefined;
  const neighbours = typeof hint === 'function' ? (): YearEvidence | undefined => (asked ??= { value: toEvidence(hint()) }).value : toEvidence(hint);
  const period: YearRange | undefined = hints.period
    ? { ...hints.period, text: hints.period.from === hints.period.to ? String(hints.period.from) : `${hints.period.from}–${hints.period.to}` } : undefined;
  return { ...own, ...(neighbours ? { neighbours } : {}), ...(period ? { period } : {}) };
}

/** The date a cited document carries: the catalog's, else the year in its number ("343/2017/UBTVQH14"). */
function documentDate(r: ResolvedMention): string | undefined {
  if (r.mention.type !== 'document') return undefined;
  const entry = r.resolution.status === 'resolved' ? r.resolution.entry : undefined;
  if (entry?.date) return entry.date;
  const year = /\/((?:19|20)\d{2})(?:\/|$)/u.exec(r.mention.number ?? r.mention.symbol ?? '')?.[1];
  return year;
}

/** When a Central Committee plenum was held: the year of the earliest document the catalog says it adopted. */
export function plenumYearFrom(catalog: Catalog): PlenumYear {
  return (term, plenum) => {
    const dated = catalog.entries
      .filter((e) => e.date && e.plenum === String(plenum) && toOrdinal(e.term ?? '') === term)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const first = dated[0];
    if (!first?.date) return undefined;
    return { kind: 'plenum', year: Number(first.date.slice(0, 4)), text: `${first.symbol ?? first.id} (${first.date})` };
  };
}
