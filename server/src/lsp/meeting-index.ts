import type { SymbolInformation } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { yearEvidenceLabel } from '../core/dates/describe';
import { fold } from '../core/text/normalized-text';
import type { Corpus } from '../node/corpus';
import { fileStamp } from '../node/read-text';
import type { MeetingSummary } from '../protocol';
import { toMeetingSymbol, toPersonSymbol } from './convert';

interface Entry {
  readonly stamp: string;
  readonly meetings: readonly MeetingSummary[];
}

/** Meetings of every corpus file, computed lazily per file and kept until the file changes. */
export class MeetingIndex {
  private readonly byFile = new Map<string, Entry>();

  constructor(private readonly corpus: Corpus) {}

  /** Forgets a file (it changed or was deleted). */
  invalidate(file: string): void {
    this.byFile.delete(file);
  }

  /** The meetings of the open documents and the indexed files, sorted by date. */
  async all(isCancelled: () => boolean): Promise<MeetingSummary[]> {
    const out: MeetingSummary[] = [];
    for await (const entry of this.corpus.openAndIndexed(isCancelled, (file) => this.cachedFor(file), 'background')) {
      if ('cached' in entry) out.push(...entry.cached);
      else if ('analysis' in entry) out.push(...this.remember(entry.file, entry.version, summarize(entry.uri, entry.analysis)));
    }
    return out.sort((a, b) => (a.when || '9999').localeCompare(b.when || '9999') || a.uri.localeCompare(b.uri));
  }

  private cachedFor(file: string): readonly MeetingSummary[] | undefined {
    const cached = this.byFile.get(file);
    return cached && cached.stamp === fileStamp(file) ? cached.meetings : undefined;
  }

  private remember(file: string, version: number | null, meetings: readonly MeetingSummary[]): readonly MeetingSummary[] {
    const stamp = version === null ? fileStamp(file) : undefined;
    if (stamp !== undefined) this.byFile.set(file, { stamp, meetings });
    return meetings;
  }
}

/** The meetings of one analysis, as summaries. */
export function summarize(uri: string, analysis: Analysis): MeetingSummary[] {
  return analysis.meetings.map((m) => ({
    uri,
    title: m.title,
    kind: m.kind,
    when: m.date?.iso ?? (m.year !== undefined ? String(m.year) : ''),
    ...(m.date?.yearInferred ? { yearEvidence: yearEvidenceLabel(m.date, 'en') } : {}),
    province: analysis.article.province ?? '',
    status: m.status,
    primary: m.primary,
    line: analysis.doc.lines.toPosition(m.span.start).line,
    people: [m.chair, ...m.directedBy, ...m.attendees].flatMap((p) => (p ? [p.name] : [])),
  }));
}

/** Workspace symbols: meetings matching the query by title, date ("2020-12") or person ("Lò Minh Hùng"), and the people. */
export function toWorkspaceSymbols(meetings: readonly MeetingSummary[], query: string): SymbolInformation[] {
  const q = fold(query).trim();
  const symbols: SymbolInformation[] = [];
  for (const m of meetings) {
    const matchesMeeting = q === '' || fold(m.title).includes(q) || m.when.startsWith(q) || fold(m.kind).includes(q);
    if (matchesMeeting) symbols.push(toMeetingSymbol(m));
    for (const person of m.people) {
      if (q !== '' && fold(person).includes(q)) symbols.push(toPersonSymbol(m, person));
    }
    if (symbols.length > 500) break;
  }
  return symbols;
}
