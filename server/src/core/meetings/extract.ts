import type { ArticleText } from '../text/article-text';
import type { CancellationCheck, Span } from '../types';
import { findMeetingDate, type MeetingDate } from './dates';

/** Whether the article reports the meeting, only mentions it, or announces it. */
export type MeetingStatus = 'reported' | 'mentioned' | 'planned';

/** A person or group named in a role, with the sentence that says so. */
export interface Participant {
  readonly name: string;
  readonly span: Span;
}

/** A meeting the article talks about. */
export interface Meeting {
  readonly kind: string;
  readonly title: string;
  readonly span: Span;
  readonly sentence: Span;
  readonly date?: MeetingDate & { readonly span: Span };
  readonly status: MeetingStatus;
  readonly organizer?: Participant;
  readonly chair?: Participant;
  readonly directedBy: readonly Participant[];
  readonly attendees: readonly Participant[];
}

const MEETING = /(?<![\p{L}\p{M}])(hội nghị|hội thảo|họp báo|phiên họp|kỳ họp|cuộc họp|đại hội|tọa đàm|toạ đàm|giao ban|buổi làm việc|họp)(?![\p{L}\p{M}])/u;
const EVENT_CUE = /(tổ chức|chủ trì|khai mạc|diễn ra|đã họp|(?<![\p{L}\p{M}])họp(?![\p{L}\p{M}]))/u;
const PLANNED = /(sẽ tổ chức|sẽ diễn ra|dự kiến tổ chức|chuẩn bị tổ chức|tham mưu[^.;]{0,60}tổ chức)/u;
const ORGANIZER = /^(?:(?:sáng|chiều|tối|trưa)?\s*(?:ngày\s+)?\d{1,2}\/\d{1,2}(?:\/\d{4})?,\s*)?(.{3,120}?)\s+(?:đã\s+)?tổ chức\s/u;
const CHAIR = /(?:,\s*|^)(?:đồng chí\s+)?([^,;]{3,60}(?:,[^,;]{3,80}){0,3}?)\s+chủ trì/u;
const DIRECTED = /(?:phát biểu chỉ đạo[^,]*,\s*đồng chí\s+|đồng chí\s+)([^,;]{3,40}),\s*([^,;.]{3,80})\s+(?:phát biểu chỉ đạo|dự và chỉ đạo|chỉ đạo tại)/u;
const ATTENDEES = /dự hội nghị có (?:các )?(?:đồng chí|đại biểu)?\s*:?\s*(.+)$/u;

/** Finds the meetings in the article's non-boilerplate lines. */
export function findMeetings(doc: ArticleText, skipLine: (line: number) => boolean, fallbackYear: number | undefined, cancel: CancellationCheck): Meeting[] {
  const meetings: Meeting[] = [];
  const folded = doc.normalized.text;
  for (let line = 0; line < doc.lineCount && line < 20_000; line++) {
    if ((line & 1023) === 1023 && cancel.isCancelled()) return meetings;
    if (skipLine(line) || doc.isBlank(line)) continue;
    const info = doc.line(line);
    const start = doc.normalized.fromOriginal(info.start);
    const end = doc.normalized.fromOriginal(info.end);
    for (const sentence of splitSentences(folded, start, end)) {
      const meeting = toMeeting(doc, folded.slice(sentence.start, sentence.end), sentence.start, fallbackYear);
      if (meeting) meetings.push(meeting);
    }
  }
  attachRoles(doc, meetings);
  return meetings;
}

function toMeeting(doc: ArticleText, sentence: string, offset: number, fallbackYear: number | undefined): Meeting | undefined {
  const word = MEETING.exec(sentence);
  if (!word || !EVENT_CUE.test(sentence)) return undefined;
  const date = findMeetingDate(sentence, fallbackYear);
  const planned = PLANNED.test(sentence);
  if (!date && !planned && !/(?:^|,\s*)(?:[^,]{3,80})\s+(?:tổ chức|chủ trì)/u.test(sentence)) return undefined;
  const titleStart = word.index;
  const titleEnd = endOfTitle(sentence, titleStart);
  const original = (s: number, e: number): Span => doc.normalized.toOriginal({ start: offset + s, end: offset + e });
  const titleSpan = original(titleStart, titleEnd);
  const organizer = ORGANIZER.exec(sentence);
  const chair = CHAIR.exec(sentence);
  return {
    kind: word[1] === 'toạ đàm' ? 'tọa đàm' : (word[1] ?? 'hội nghị'),
    title: doc.text.slice(titleSpan.start, titleSpan.end).trim(),
    span: titleSpan,
    sentence: original(0, sentence.length),
    ...(date ? { date: { ...date, span: original(date.start, date.end) } } : {}),
    status: planned ? 'planned' : date ? 'reported' : 'mentioned',
    ...(organizer?.[1] ? { organizer: participant(doc, original, organizer.index + organizer[0].indexOf(organizer[1]), organizer[1]) } : {}),
    ...(chair?.[1] ? { chair: participant(doc, original, chair.index + chair[0].indexOf(chair[1]), chair[1]) } : {}),
    directedBy: [],
    attendees: [],
  };
}

function participant(doc: ArticleText, original: (s: number, e: number) => Span, at: number, text: string): Participant {
  const span = original(at, at + text.length);
  return { name: doc.text.slice(span.start, span.end).replace(/^đồng chí\s+/iu, '').trim(), span };
}

/** Attaches "Dự hội nghị có…" attendees and directors to the first reported meeting. */
function attachRoles(doc: ArticleText, meetings: Meeting[]): void {
  const primaryIndex = meetings.findIndex((m) => m.status === 'reported');
  const primary = meetings[primaryIndex];
  if (!primary) return;
  const attendees: Participant[] = [];
  const directedBy: Participant[] = [];
  const folded = doc.normalized.text;
  for (let line = 0; line < doc.lineCount && line < 5000; line++) {
    const info = doc.line(line);
    const offset = doc.normalized.fromOriginal(info.start);
    const text = folded.slice(offset, doc.normalized.fromOriginal(info.end));
    const original = (s: number, e: number): Span => doc.normalized.toOriginal({ start: offset + s, end: offset + e });
    const a = ATTENDEES.exec(text);
    if (a?.[1]) {
      let at = a.index + a[0].length - a[1].length;
      for (const part of a[1].split(';')) {
        const name = part.replace(/[.…\s]+$/u, '');
        const lead = name.length - name.trimStart().length;
        if (name.trim().length > 2) attendees.push(participant(doc, original, at + lead, name.trim()));
        at += part.length + 1;
      }
    }
    const d = DIRECTED.exec(text);
    if (d?.[1] && directedBy.length === 0) directedBy.push(participant(doc, original, d.index + d[0].indexOf(d[1]), d[1]));
  }
  meetings[primaryIndex] = { ...primary, attendees, directedBy };
}

function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  const boundary = /[.!?…]+(?=\s+\p{Lu}|\s*$)|[.!?](?=\s)/gu;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(boundary)) {
    const stop = start + (m.index ?? 0) + m[0].length;
    if (stop - from > 1) spans.push({ start: from, end: stop });
    from = stop;
  }
  if (end - from > 1) spans.push({ start: from, end });
  return spans;
}

function endOfTitle(sentence: string, from: number): number {
  const rest = sentence.slice(from);
  const stop = /\s*(?:[.!?]\s*$|\.\s|;\s*(?:dự|tham dự)|\s+(?:do|với sự tham dự|tại hội trường|tại trụ sở))/u.exec(rest);
  return from + (stop ? stop.index : rest.replace(/[.\s]+$/u, '').length);
}
