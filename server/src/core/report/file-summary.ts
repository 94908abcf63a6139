/**
 * What the corpus report keeps of one analysed file: small plain data, so a server can cache it per file and a
 * report over many files is built from summaries alone (`buildReport`), the same way in the CLI and the editor.
 */
import type { Analysis } from '../analyze';
import { describeReason } from '../i18n/reasons';
import type { Locale, Tier } from '../types';

/** A place in a file that the report links to (line is 0-based). */
export interface ReportPlace {
  readonly uri: string;
  readonly path: string;
  readonly line: number;
}

/** One meeting as the report counts it. */
export interface SummaryMeeting {
  /** `YYYY-MM` when the meeting's date is known to the month. */
  readonly month?: string;
  readonly year?: number;
  readonly status: 'reported' | 'mentioned' | 'planned';
  readonly title: string;
  readonly line: number;
}

/** One reference as the report counts it. */
export interface SummaryReference {
  readonly status: 'resolved' | 'ambiguous' | 'unknown';
  /** Catalog id when resolved, otherwise the mention text as written. */
  readonly key: string;
  readonly title: string;
  readonly line: number;
  readonly reason?: string;
}

/** The report's view of one file. */
export interface FileSummary {
  readonly uri: string;
  /** Path relative to the corpus root, with `/` separators. */
  readonly path: string;
  /** The site or folder the file belongs to. */
  readonly group: string;
  /** Lines that are not blank. */
  readonly lines: number;
  /** Lines flagged by a finding, counted once under the surest tier that flagged them. */
  readonly flagged: Readonly<Record<Tier, number>>;
  /** Distinct non-blank lines (by line key, at most `MAX_KEY_LENGTH` long) with the first line holding each. */
  readonly lineKeys: readonly (readonly [key: string, text: string, line: number])[];
  readonly province?: string;
  readonly meetings: readonly SummaryMeeting[];
  readonly references: readonly SummaryReference[];
}

/** Longer lines are article prose that never recurs; leaving them out keeps summaries small. */
export const MAX_KEY_LENGTH = 160;

const TIER_RANK: Readonly<Record<Tier, number>> = { certain: 3, probable: 2, weak: 1 };

/** The group of a file: its folder relative to the corpus root, or the root's own name for files at the root. */
export function toGroup(relativePath: string, rootName: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? rootName || '.' : relativePath.slice(0, slash);
}

/** Summarises one analysis for the report; `relativePath` is relative to the corpus root named `rootName`. */
export function summarizeFile(uri: string, relativePath: string, rootName: string, analysis: Analysis, locale: Locale): FileSummary {
  const doc = analysis.doc;
  const tierOf = new Map<number, Tier>();
  for (const f of analysis.findings) {
    const first = doc.lines.lineAt(f.span.start);
    // A finding that ends at the start of a line (a deleted newline) does not flag that line.
    const last = Math.max(first, doc.lines.lineAt(Math.max(f.span.start, f.span.end - 1)));
    for (let line = first; line <= last; line++) {
      const had = tierOf.get(line);
      if (!had || TIER_RANK[f.tier] > TIER_RANK[had]) tierOf.set(line, f.tier);
    }
  }
  const flagged: Record<Tier, number> = { certain: 0, probable: 0, weak: 0 };
  const lineKeys: [string, string, number][] = [];
  const seen = new Set<string>();
  let lines = 0;
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.isBlank(line)) continue;
    lines++;
    const tier = tierOf.get(line);
    if (tier) flagged[tier]++;
    const key = doc.lineKey(line);
    // A line without a letter (".", "***", a bare number) says nothing about a site's chrome.
    if (key.length > MAX_KEY_LENGTH || !/\p{L}/u.test(key) || seen.has(key)) continue;
    seen.add(key);
    lineKeys.push([key, doc.lineText(line).trim(), line]);
  }
  return {
    uri, path: relativePath, group: toGroup(relativePath, rootName), lines, flagged, lineKeys,
    ...(analysis.article.province ? { province: analysis.article.province } : {}),
    meetings: analysis.meetings.map((m) => ({
      ...(m.date?.iso && /^\d{4}-\d{2}/u.test(m.date.iso) ? { month: m.date.iso.slice(0, 7) } : {}),
      ...(m.date?.iso ? { year: Number(m.date.iso.slice(0, 4)) } : m.year !== undefined ? { year: m.year } : {}),
      status: m.status, title: m.title, line: doc.lines.lineAt(m.span.start),
    })),
    references: analysis.references.map(({ mention, resolution }) => {
      const line = doc.lines.lineAt(mention.span.start);
      if (resolution.status === 'resolved') return { status: 'resolved', key: resolution.id, title: resolution.entry?.title ?? mention.text, line };
      if (resolution.status === 'ambiguous') return { status: 'ambiguous', key: mention.text, title: resolution.candidates.map((c) => c.id).join(', '), line };
      return { status: 'unknown', key: mention.text, title: mention.text, line, reason: describeReason(resolution.reason, locale) };
    }),
  };
}
