import type { ArticleText } from '../text/article-text';
import type { CancellationCheck, Span } from '../types';
import { findMeetingDate, type MeetingDate } from './dates';
import { personLabel, readPerson, readPersonBefore } from './people';
import { splitSentences, toOriginalSpan, type Sentence } from './sentences';

/** Whether the article reports the meeting, only mentions it, or announces it. */
export type MeetingStatus = 'reported' | 'mentioned' | 'planned';

/** A person or group named in a role, with the text that says so. */
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
  readonly line: number;
  readonly date?: MeetingDate & { readonly span: Span };
  /** The year when no day is given ("năm 2020" context), inferred. */
  readonly year?: number;
  readonly status: MeetingStatus;
  readonly primary: boolean;
  readonly organizer?: Participant;
  readonly chair?: Participant;
  readonly directedBy: readonly Participant[];
  readonly attendees: readonly Participant[];
  readonly place?: Participant;
}

/** What extraction needs to know about the article besides its text. */
export interface MeetingContext {
  /** The article's year (date line) or its most mentioned year. */
  readonly fallbackYear?: number;
  /** Years the article mentions, most frequent first. */
  readonly years: readonly number[];
}

const MEETING_WORD = '(hội nghị|hội thảo|họp báo|phiên họp|kỳ họp|kì họp|cuộc họp|đại hội|tọa đàm|toạ đàm|giao ban|buổi làm việc|lễ kỷ niệm|lễ khai mạc|lễ ra mắt|lễ trao giải|lễ phát động)';
const INTRODUCED = new RegExp(`(?:tổ chức|chủ trì|khai mạc|triệu tập)\\s+(?:thành công\\s+)?${MEETING_WORD}(?![\\p{L}\\p{M}])`, 'giu');
const PLANNED = /(?:sẽ|dự kiến|chuẩn bị|kế hoạch)\s+(?:\p{L}+\s+){0,3}$|tham mưu[^.]{0,160}$/iu;
// Plural, routine or nominalised mentions are not meetings: "các hội nghị", "định kỳ … giao ban", "việc tổ chức đại hội".
const GENERIC_BEFORE = /(?:các|những|nhiều)\s*$|(?:định kỳ|thường xuyên|hằng tháng|hàng tháng|hằng quý|hằng tuần|việc)\s+(?:\p{L}+[\s,]+){0,8}$/iu;
const GENERIC_AFTER = /^\s+(?:đảng bộ\s+)?các cấp|^[^.;]{0,60}\s+theo quy định/iu;
const ORG_HEAD = '(?:Ban|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Thường trực|UBND|Ủy ban|Sở|Hội|Trung tâm|Bộ|Cục|Viện|Mặt trận|Đoàn|Liên đoàn|Công an|Văn phòng|Báo)';
const ORG_WORDS = 'giáo|đạo|vụ|ủy|trực|thư|tế|phòng|tịch|tỉnh|huyện|thành|phố|chỉ|kiểm|tra|dân|vận|nội|chính|thường|báo|chí|tin|truyền|thông|khoa|học|xã|hội|nhân|ban|đảng|bộ|trung|ương|quốc|gia|lao|động|tư|pháp|và';
const ORG = new RegExp(`(?<![\\p{L}\\p{M}])${ORG_HEAD}(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+|(?:${ORG_WORDS})(?![\\p{L}\\p{M}])))*`, 'gu');

/** Finds the meetings of an article: introduced by "tổ chức", "chủ trì"…, with date, roles and status. */
export function findMeetings(doc: ArticleText, skipLine: (line: number) => boolean, context: MeetingContext, cancel: CancellationCheck): Meeting[] {
  return findMeetingsIn(doc, splitSentences(doc, skipLine, 0, MAX_MEETING_LINES), context, cancel);
}

/** Meetings are looked for in the first lines only: an article longer than this is a dump, not a report. */
export const MAX_MEETING_LINES = 20_000;

/** Finds the meetings among sentences already split (so a caller can split a long document in slices). */
export function findMeetingsIn(doc: ArticleText, sentences: readonly Sentence[], context: MeetingContext, cancel: CancellationCheck): Meeting[] {
  const steps = findMeetingsSteps(doc, sentences, context, cancel);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** `findMeetingsIn` in slices of sentences, yielding between them so a long document does not hold the caller. */
export function* findMeetingsSteps(doc: ArticleText, sentences: readonly Sentence[], context: MeetingContext, cancel: CancellationCheck): Generator<string, Meeting[]> {
  const meetings: Meeting[] = [];
  for (let i = 0; i < sentences.length; i++) {
    if ((i & 1023) === 1023 && cancel.isCancelled()) return meetings;
    if (i % SENTENCES_PER_STEP === SENTENCES_PER_STEP - 1) yield `meetings to sentence ${i + 1}`;
    const sentence = sentences[i];
    if (!sentence) continue;
    for (const found of findIntroductions(sentence)) {
      meetings.push(toMeeting(doc, sentences, i, found, context));
    }
  }
  markPrimary(meetings);
  attachRoles(doc, sentences, meetings);
  return meetings;
}

const SENTENCES_PER_STEP = 20_000;
/** Who directed and attended is told close to the meeting: roles are read this many lines after it at most. */
const ROLE_WINDOW = 300;

interface Introduction {
  readonly kind: string;
  readonly at: number;
  readonly verbAt: number;
}

// Cheap substring checks (capitals aside) before the regular expressions, which cost far more on long documents.
const MAY_INTRODUCE = ['ổ chức', 'hủ trì', 'hai mạc', 'riệu tập'];

function findIntroductions(sentence: Sentence): Introduction[] {
  const found: Introduction[] = [];
  if (!MAY_INTRODUCE.some((w) => sentence.text.includes(w))) return found;
  INTRODUCED.lastIndex = 0;
  for (const m of sentence.text.matchAll(INTRODUCED)) {
    const word = (m[1] ?? '').toLowerCase();
    const at = (m.index ?? 0) + m[0].length - word.length;
    const after = sentence.text.slice(at + word.length);
    if (GENERIC_BEFORE.test(sentence.text.slice(0, at)) || GENERIC_AFTER.test(after)) continue;
    found.push({ kind: word === 'toạ đàm' ? 'tọa đàm' : word === 'kì họp' ? 'kỳ họp' : word, at, verbAt: m.index ?? 0 });
  }
  return found;
}

function toMeeting(doc: ArticleText, sentences: readonly Sentence[], index: number, intro: Introduction, context: MeetingContext): Meeting {
  const sentence = sentences[index] as Sentence;
  const titleEnd = endOfTitle(sentence.text, intro.at);
  const span = toOriginalSpan(doc, sentence, intro.at, titleEnd);
  const before = sentence.text.slice(0, intro.verbAt);
  const date = findMeetingDate(sentence.text.toLowerCase(), context.fallbackYear, sentence.text.slice(intro.at, titleEnd).toLowerCase());
  // A date leading the sentence dates the event it reports; a full date inside the title ("khai mạc vào ngày 5/12/1986")
  // dates a meeting the article only mentions.
  const inTitle = findMeetingDate(sentence.text.slice(intro.at, titleEnd).toLowerCase(), undefined);
  const dateAtStart = date && date.start <= 12 ? date : inTitle && !inTitle.yearInferred ? { ...inTitle, start: inTitle.start + intro.at, end: inTitle.end + intro.at } : undefined;
  const planned = PLANNED.test(before) && !/\sđã\s/iu.test(before);
  const status: MeetingStatus = planned ? 'planned' : date && date.start <= 12 ? 'reported' : 'mentioned';
  const organizer = findOrganizer(doc, sentences, index, intro.verbAt);
  const chair = /chủ trì$/iu.test(sentence.text.slice(0, intro.at).trimEnd()) ? findChair(doc, sentence, intro.verbAt) : undefined;
  const place = findPlace(doc, sentence, intro.at);
  const year = dateAtStart ? undefined : yearFor(status, sentences, index, sentence.text.slice(intro.at, titleEnd), context);
  return {
    kind: intro.kind,
    title: doc.text.slice(span.start, span.end).trim(),
    span,
    sentence: toOriginalSpan(doc, sentence, 0, sentence.text.length),
    line: sentence.line,
    ...(dateAtStart ? { date: { ...dateAtStart, span: toOriginalSpan(doc, sentence, dateAtStart.start, dateAtStart.end) } } : {}),
    ...(year !== undefined ? { year } : {}),
    status,
    primary: false,
    ...(organizer ? { organizer } : {}),
    ...(chair ? { chair } : {}),
    ...(place ? { place } : {}),
    directedBy: [],
    attendees: [],
  };
}

/** The title runs from the meeting word to the end of the clause that names it. */
function endOfTitle(text: string, from: number): number {
  const rest = text.slice(from);
  const quoted = /^[^“"]{0,40}[“"][^”"]{1,200}[”"]/u.exec(rest);
  if (quoted) return from + quoted[0].length;
  const stop = /\s+(?:nhân dịp|nhân kỷ niệm|với sự tham dự|tại hội trường|tại trụ sở|do đồng chí|nhằm|để)\s|;(?!\s*(?:triển khai|và\s))|,\s*(?:đồng chí|ông|bà)\s|[.!?…]+\s*$/iu.exec(rest);
  return from + (stop ? stop.index : rest.length);
}

// No case-folding flag: the capital that starts a proper name is the evidence.
const PLACE = /(?:^|\s)[tT]ại\s+((?:[hH]ội trường|[tT]rụ sở|[nN]hà văn ho[áa]|[kK]hách sạn|[nN]hà khách|[pP]hòng họp|(?:tỉnh|thành phố|huyện|xã|phường)\s+\p{Lu}|\p{Lu})[^,.;:()]{1,80})/u;

/** Where the meeting took place: "… tại Hội trường Tỉnh ủy", "… tổ chức tại Hà Nội". */
function findPlace(doc: ArticleText, sentence: Sentence, from: number): Participant | undefined {
  const m = PLACE.exec(sentence.text.slice(from));
  if (!m?.[1]) return undefined;
  const name = m[1].replace(/\s+(?:theo|với|nhằm|để|do|và)\s.*$/u, '').trimEnd();
  const at = from + (m.index ?? 0) + m[0].indexOf(m[1]);
  return participant(doc, sentence, at, at + name.length);
}

/** The organisation that "tổ chức" the meeting: the nearest one named before the verb, else the paragraph's subject. */
function findOrganizer(doc: ArticleText, sentences: readonly Sentence[], index: number, verbAt: number): Participant | undefined {
  const sentence = sentences[index] as Sentence;
  // A partner ("phối hợp với Viện Hồ Chí Minh") is not the organizer.
  const own = [...sentence.text.slice(0, verbAt).matchAll(ORG)].filter((m) => !/với\s+$/u.test(sentence.text.slice(0, m.index))).pop();
  if (own) return participant(doc, sentence, own.index ?? 0, (own.index ?? 0) + withoutTrailingAnd(own[0]).length);
  for (let i = index - 1; i >= 0; i--) {
    const previous = sentences[i];
    if (!previous || previous.line !== sentence.line) break;
    const subject = [...previous.text.matchAll(ORG)].find((m) => /^\s+đã\s/u.test(previous.text.slice((m.index ?? 0) + m[0].length)));
    if (subject) return participant(doc, previous, subject.index ?? 0, (subject.index ?? 0) + withoutTrailingAnd(subject[0]).length);
  }
  return undefined;
}

function withoutTrailingAnd(name: string): string {
  return name.replace(/(?:\s+và)+\s*$/u, '').trimEnd();
}

function findChair(doc: ArticleText, sentence: Sentence, verbAt: number): Participant | undefined {
  const clauseStart = (/^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\s*,\s*/iu.exec(sentence.text)?.[0].length) ?? 0;
  const person = readPersonBefore(sentence.text, clauseStart, sentence.text.slice(0, verbAt).trimEnd().length);
  return person ? participant(doc, sentence, person.start, person.end, personLabel(person)) : undefined;
}

function yearFor(status: MeetingStatus, sentences: readonly Sentence[], index: number, title: string, context: MeetingContext): number | undefined {
  const sentence = sentences[index] as Sentence;
  // The meeting's own name speaks first ("Hội nghị … năm 2020"), then the rest of its sentence.
  const own = /năm\s+((?:19|20)\d{2})/u.exec(title) ?? /năm\s+((?:19|20)\d{2})/u.exec(sentence.text);
  if (own) return Number(own[1]);
  if (status === 'planned') {
    for (let i = index - 1; i >= Math.max(0, index - 40); i--) {
      const y = /^(?:trong\s+)?năm\s+((?:19|20)\d{2})\s*,/iu.exec(sentences[i]?.text ?? '');
      if (y) return Number(y[1]);
    }
    return context.years.length > 0 ? Math.max(...context.years.slice(0, 3)) : undefined;
  }
  return context.years[0] ?? context.fallbackYear;
}

/** The first reported meeting in the article's first paragraphs is the one it is about. */
function markPrimary(meetings: Meeting[]): void {
  const first = meetings.findIndex((m) => m.status === 'reported');
  const meeting = meetings[first];
  if (meeting && meeting.line <= 12) meetings[first] = { ...meeting, primary: true };
}

const DIRECTED_AFTER = /(?:phát biểu chỉ đạo|chỉ đạo tại)\s+(?:hội nghị|hội thảo|buổi làm việc|cuộc họp|đại hội)\s*,\s*/iu;
const DIRECTED_BEFORE = /\s+(?:dự và chỉ đạo|dự và phát biểu chỉ đạo|phát biểu chỉ đạo)/iu;
const ATTENDEES = /^dự\s+(?:hội nghị|hội thảo|buổi làm việc|cuộc họp|đại hội)\s+có\s+/iu;

/** Attaches directors ("dự và chỉ đạo", "phát biểu chỉ đạo") and attendees ("Dự hội nghị có…") to the primary meeting. */
function attachRoles(doc: ArticleText, sentences: readonly Sentence[], meetings: Meeting[]): void {
  const index = meetings.findIndex((m) => m.primary);
  const primary = meetings[index];
  if (!primary) return;
  const directedBy: Participant[] = [];
  const attendees: Participant[] = [];
  for (const sentence of sentences) {
    if (sentence.line < primary.line) continue;
    if (sentence.line > primary.line + ROLE_WINDOW) break;
    const mayDirect = sentence.text.includes('hỉ đạo');
    const mayList = /^dự\s/iu.test(sentence.text);
    if (!mayDirect && !mayList) continue;
    const after = DIRECTED_AFTER.exec(sentence.text);
    const person = after ? readPerson(sentence.text, after.index + after[0].length) : directorBefore(sentence);
    if (person && !directedBy.some((d) => d.name.startsWith(person.name))) directedBy.push(participant(doc, sentence, person.start, person.end, personLabel(person)));
    const list = ATTENDEES.exec(sentence.text);
    if (list) attendees.push(...readAttendees(doc, sentence, list[0].length));
  }
  for (const d of directedBy) if (!attendees.some((a) => a.name.startsWith(d.name.split(',')[0] ?? ''))) attendees.push(d);
  meetings[index] = { ...primary, directedBy, attendees };
}

function directorBefore(sentence: Sentence): ReturnType<typeof readPerson> {
  const m = DIRECTED_BEFORE.exec(sentence.text);
  return m ? readPersonBefore(sentence.text, 0, m.index) : undefined;
}

/** "các đồng chí: A, title; B, title" → people; "các đồng chí Ủy viên…; các thành viên Ban Chỉ đạo" → groups as written. */
function readAttendees(doc: ArticleText, sentence: Sentence, from: number): Participant[] {
  const text = sentence.text;
  const colon = /^(?:các\s+)?(?:đồng chí|đại biểu)\s*:\s*/iu.exec(text.slice(from));
  let at = from + (colon?.[0].length ?? 0);
  const out: Participant[] = [];
  for (const part of text.slice(at).split(';')) {
    const trimmed = part.replace(/[.…\s]+$/u, '');
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.trim().length > 2) out.push(participant(doc, sentence, at + lead, at + trimmed.length));
    at += part.length + 1;
  }
  return out;
}

function participant(doc: ArticleText, sentence: Sentence, from: number, to: number, label?: string): Participant {
  const span = toOriginalSpan(doc, sentence, from, to);
  const name = (label ?? sentence.text.slice(from, to)).replace(/^(?:đồng chí|ông|bà)\s+(?=\p{Lu})/iu, '').trim();
  return { name, span };
}
