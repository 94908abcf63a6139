import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { Analysis, AnalysisOptions } from '../core/analyze';
import { yearEvidenceLabel } from '../core/dates/describe';
import { fold } from '../core/text/normalized-text';
import { analyzeClosedFile } from './closed-files';
import type { MeetingSummary } from '../protocol';

interface Entry {
  readonly mtimeMs: number;
  readonly meetings: readonly MeetingSummary[];
}

/** Meetings of every corpus file, computed lazily per file and kept until the file changes. */
export class MeetingIndex {
  private readonly byFile = new Map<string, Entry>();

  constructor(private readonly optionsFor: (uri: string) => Promise<AnalysisOptions>) {}

  /** Forgets a file (it changed or was deleted). */
  invalidate(file: string): void {
    this.byFile.delete(file);
  }

  /** The meetings of these files, plus open documents' analyses, sorted by date. */
  async all(files: readonly string[], open: ReadonlyMap<string, Analysis>, isCancelled: () => boolean): Promise<MeetingSummary[]> {
    const out: MeetingSummary[] = [];
    for (const [uri, analysis] of open) out.push(...summarize(uri, analysis));
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (open.has(uri)) continue;
      if (isCancelled()) break;
      out.push(...(await this.forFile(file, uri)));
    }
    return out.sort((a, b) => (a.when || '9999').localeCompare(b.when || '9999') || a.uri.localeCompare(b.uri));
  }

  private async forFile(file: string, uri: string): Promise<readonly MeetingSummary[]> {
    let mtimeMs = 0;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.byFile.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.meetings;
    const closed = await analyzeClosedFile(file, this.optionsFor);
    const meetings = 'analysis' in closed ? summarize(uri, closed.analysis) : [];
    this.byFile.set(file, { mtimeMs, meetings });
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
    const range = { start: { line: m.line, character: 0 }, end: { line: m.line, character: 0 } };
    const location = { uri: m.uri, range };
    const matchesMeeting = q === '' || fold(m.title).includes(q) || m.when.startsWith(q) || fold(m.kind).includes(q);
    if (matchesMeeting) symbols.push({ name: `${m.when ? `${m.when} ` : ''}${m.title}`, kind: SymbolKind.Event, location, containerName: m.province });
    for (const person of m.people) {
      if (q !== '' && fold(person).includes(q)) symbols.push({ name: person, kind: SymbolKind.Field, location, containerName: `${m.when} ${m.title}`.trim() });
    }
    if (symbols.length > 500) break;
  }
  return symbols;
}
