/**
 * Aggregates file summaries into the corpus report: per group (site or folder) the files, lines, share of lines
 * flagged by tier and the most recurring lines; meetings per month and by province; the most cited documents and the
 * references the catalog does not know. Pure: the editor's webview and `vn-corpus report` both show this data.
 */
import type { Tier } from '../types';
import type { FileSummary, ReportPlace, SummaryMeeting } from './file-summary';

/** Lines, flagged lines and files of a group or of the whole corpus. */
export interface ReportCounts {
  readonly files: number;
  readonly lines: number;
  readonly flagged: Readonly<Record<Tier, number>>;
}

/** A line that recurs in several files of a group. */
export interface RecurringLine {
  readonly text: string;
  /** How many files hold the line. */
  readonly files: number;
  readonly place: ReportPlace;
}

/** One site or folder. */
export interface GroupReport extends ReportCounts {
  readonly name: string;
  readonly topLines: readonly RecurringLine[];
}

/** Meetings of one month, by status. */
export interface MonthCount {
  readonly month: string;
  readonly reported: number;
  readonly mentioned: number;
  readonly planned: number;
  readonly places: readonly ReportPlace[];
}

/** A key (province, document, mention) with its count and where to look. */
export interface KeyCount {
  readonly key: string;
  readonly title: string;
  readonly count: number;
  /** Files that hold the key. */
  readonly files: number;
  readonly place: ReportPlace;
  readonly reason?: string;
}

/** The whole report. */
export interface CorpusReport {
  readonly totals: ReportCounts & { readonly meetings: number; readonly datedMeetings: number; readonly references: number; readonly unknownReferences: number };
  readonly groups: readonly GroupReport[];
  readonly meetingsByMonth: readonly MonthCount[];
  readonly meetingsByProvince: readonly KeyCount[];
  readonly citedDocuments: readonly KeyCount[];
  readonly unknownReferences: readonly KeyCount[];
  /** Files that could not be read, with why. */
  readonly problems: readonly { readonly path: string; readonly problem: string }[];
}

/** How many entries each list keeps. */
export interface ReportLimits {
  readonly topLines: number;
  readonly cited: number;
  readonly unknown: number;
  readonly provinces: number;
  readonly placesPerMonth: number;
}

/** Default list lengths. */
export const DEFAULT_LIMITS: ReportLimits = { topLines: 10, cited: 15, unknown: 25, provinces: 20, placesPerMonth: 20 };

const byCount = (a: { count: number; key: string }, b: { count: number; key: string }): number => b.count - a.count || a.key.localeCompare(b.key);

/** Builds the report from file summaries (in any order: the result is sorted, so it does not depend on it). */
export function buildReport(summaries: readonly FileSummary[], problems: readonly { path: string; problem: string }[] = [], limits: ReportLimits = DEFAULT_LIMITS): CorpusReport {
  const sorted = [...summaries].sort((a, b) => a.path.localeCompare(b.path));
  const groups = new Map<string, FileSummary[]>();
  for (const s of sorted) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const months = new Map<string, { reported: number; mentioned: number; planned: number; places: ReportPlace[] }>();
  const provinces = new Tally();
  const cited = new Tally();
  const unknown = new Tally();
  let meetings = 0;
  let dated = 0;
  let references = 0;
  for (const s of sorted) {
    const place = (line: number): ReportPlace => ({ uri: s.uri, path: s.path, line });
    for (const m of s.meetings) {
      meetings++;
      if (s.province) provinces.add(s.province, s.province, s.path, place(m.line));
      if (!m.month) continue;
      dated++;
      const entry = months.get(m.month) ?? { reported: 0, mentioned: 0, planned: 0, places: [] };
      entry[m.status satisfies SummaryMeeting['status']]++;
      if (entry.places.length < limits.placesPerMonth) entry.places.push(place(m.line));
      months.set(m.month, entry);
    }
    for (const r of s.references) {
      references++;
      if (r.status === 'resolved') cited.add(r.key, r.title, s.path, place(r.line));
      else if (r.status === 'unknown') unknown.add(r.key.normalize('NFC').replace(/\s+/gu, ' ').trim(), r.key, s.path, place(r.line), r.reason);
    }
  }
  const groupReports = [...groups].map(([name, files]) => ({ name, ...countsOf(files), topLines: recurringLines(files, limits.topLines) }));
  return {
    totals: { ...countsOf(sorted), meetings, datedMeetings: dated, references, unknownReferences: unknown.total },
    groups: groupReports.sort((a, b) => b.files - a.files || a.name.localeCompare(b.name)),
    meetingsByMonth: [...months].map(([month, m]) => ({ month, ...m })).sort((a, b) => a.month.localeCompare(b.month)),
    meetingsByProvince: provinces.top(limits.provinces),
    citedDocuments: cited.top(limits.cited),
    unknownReferences: unknown.top(limits.unknown),
    problems: [...problems].sort((a, b) => a.path.localeCompare(b.path)),
  };
}

function countsOf(files: readonly FileSummary[]): ReportCounts {
  const flagged: Record<Tier, number> = { certain: 0, probable: 0, weak: 0 };
  let lines = 0;
  for (const f of files) {
    lines += f.lines;
    for (const tier of ['certain', 'probable', 'weak'] as const) flagged[tier] += f.flagged[tier];
  }
  return { files: files.length, lines, flagged };
}

/** Lines held by two or more files of the group, most files first. */
function recurringLines(files: readonly FileSummary[], limit: number): RecurringLine[] {
  const counts = new Map<string, { files: number; text: string; place: ReportPlace }>();
  for (const f of files) {
    for (const [key, text, line] of f.lineKeys) {
      const had = counts.get(key);
      if (had) had.files++;
      else counts.set(key, { files: 1, text, place: { uri: f.uri, path: f.path, line } });
    }
  }
  return [...counts].filter(([, c]) => c.files >= 2)
    .map(([key, c]) => ({ key, count: c.files, ...c }))
    .sort(byCount).slice(0, limit)
    .map(({ text, files: n, place }) => ({ text, files: n, place }));
}

/** Counts keys with the files that hold them and the first place each was seen. */
class Tally {
  private readonly entries = new Map<string, { key: string; title: string; count: number; files: Set<string>; place: ReportPlace; reason?: string }>();
  total = 0;

  add(key: string, title: string, file: string, place: ReportPlace, reason?: string): void {
    this.total++;
    const had = this.entries.get(key);
    if (had) {
      had.count++;
      had.files.add(file);
    } else {
      this.entries.set(key, { key, title, count: 1, files: new Set([file]), place, ...(reason ? { reason } : {}) });
    }
  }

  top(limit: number): KeyCount[] {
    return [...this.entries.values()].sort(byCount).slice(0, limit)
      .map(({ files, ...rest }) => ({ ...rest, files: files.size }));
  }
}
