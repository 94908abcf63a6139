import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { dateLabel } from '../core/meetings/dates';
import type { Meeting, Participant } from '../core/meetings/extract';
import { yearEvidenceLabel } from '../core/dates/describe';
import type { Locale, Span } from '../core/types';
import { toRange } from './convert';
import { t } from './messages';

/** The outline: the article at the root, each meeting as an Event with its roles as children. */
export function toDocumentSymbols(analysis: Analysis, locale: Locale): DocumentSymbol[] {
  const meetings = analysis.meetings.map((m) => toMeetingSymbol(analysis, m, locale));
  const { titleLine, title } = analysis.article;
  if (titleLine === undefined || !title) return meetings;
  const titleInfo = analysis.doc.line(titleLine);
  // The article symbol spans the whole file: scrapers sometimes put the lead, and its meeting, above the title.
  const whole = { start: 0, end: analysis.doc.text.length };
  return [{
    name: title,
    detail: [analysis.article.date, analysis.article.province].filter(Boolean).join(' · ') || t(locale, 'article'),
    kind: SymbolKind.File,
    range: toRange(analysis.doc.lines, whole),
    selectionRange: toRange(analysis.doc.lines, { start: titleInfo.start, end: titleInfo.end }),
    children: meetings,
  }];
}

function toMeetingSymbol(analysis: Analysis, meeting: Meeting, locale: Locale): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  const childSpans: Span[] = [];
  const child = (label: string, detail: string, span: Span, kind: SymbolKind): void => {
    childSpans.push(span);
    children.push(leaf(analysis, label, detail, span, kind));
  };
  if (meeting.date) {
    child(t(locale, 'date'), `${dateLabel(meeting.date)}${meeting.date.yearInferred ? ` (${yearEvidenceLabel(meeting.date, locale)})` : ''}`, meeting.date.span, SymbolKind.Constant);
  }
  const person = (label: string, p: Participant): void => child(p.name, label, p.span, SymbolKind.Field);
  if (meeting.organizer) person(t(locale, 'organizer'), meeting.organizer);
  if (meeting.chair) person(t(locale, 'chair'), meeting.chair);
  for (const p of meeting.directedBy) person(t(locale, 'directedBy'), p);
  for (const p of meeting.attendees) person(t(locale, 'attendee'), p);
  if (meeting.hosts) person(t(locale, 'hosts'), meeting.hosts);
  if (meeting.place) child(meeting.place.name, t(locale, 'place'), meeting.place.span, SymbolKind.Field);
  const when = meeting.date ? dateLabel(meeting.date) : meeting.year !== undefined ? String(meeting.year) : undefined;
  const evidence = meeting.date?.yearInferred ? yearEvidenceLabel(meeting.date, locale) : undefined;
  const detail = [when, evidence, meeting.kind, meeting.primary ? t(locale, 'primary') : undefined, meeting.status === 'reported' ? undefined : t(locale, meeting.status)].filter(Boolean).join(' · ');
  const spans = [meeting.sentence, meeting.span, ...childSpans];
  return {
    name: meeting.title || meeting.kind,
    detail,
    kind: SymbolKind.Event,
    range: toRange(analysis.doc.lines, spans.reduce(cover)),
    selectionRange: toRange(analysis.doc.lines, meeting.span),
    children,
  };
}

function leaf(analysis: Analysis, name: string, detail: string, span: Span, kind: SymbolKind): DocumentSymbol {
  const range = toRange(analysis.doc.lines, span);
  return { name: name || '—', detail, kind, range, selectionRange: range };
}

function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
