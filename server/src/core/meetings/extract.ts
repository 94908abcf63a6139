import { fromIso } from '../dates/calendar';
import type { DatePhrase } from '../dates/phrases';
import { findDatePhrases } from '../dates/phrases';
import { yearFloor, type YearContext } from '../dates/year';
import type { ArticleText } from '../text/article-text';
import { LineMemo } from '../text/memo';
import { shiftSpan, type CancellationCheck, type Span } from '../types';
import { toMeetingDate, type PlenumYear } from './dates';
import type { Introduction } from './find';
import { choosePrimary, mergeRepeats } from './primary';
import { findAttendance, findChair, findHosts, findOrganizer } from './roles';
import { toOriginalSpan, type Sentence, type SentenceList } from './sentences';
import { endOfTitle, findPlace } from './title';
import type { Meeting, MeetingDate, MeetingStatus, Participant } from './types';

export type { Meeting, MeetingDate, MeetingStatus, Participant } from './types';

/** What extraction needs to know about the article besides its text. */
export interface MeetingContext {
  /** What the article and its setting say about its year. */
  readonly years: YearContext;
  /** The article's own date (ISO) when a date line gives it, for "sáng nay". */
  readonly articleDate?: string;
  /** When a Central Committee plenum was held, from the catalog. */
  readonly plenumYear?: PlenumYear;
}

/** Meetings are looked for in the first lines only: an article longer than this is a dump, not a report. */
export const MAX_MEETING_LINES = 20_000;
/** The lead: the title, the sapo and the first sentences of the body, where an article says what it reports. */
export const LEAD_SENTENCES = 10;
/** Who chaired is told close to the meeting: this many sentences from the one that introduces it, or later as "chủ trì Hội nghị". */
const CHAIR_SENTENCES = 12;
/** Who directed and attended is told in the body: this many sentences from the meeting at most. */
const ROLE_SENTENCES = 300;
/** Between two yields, extraction reads this many sentences or builds this many meetings, whichever comes first. */
const SENTENCES_PER_STEP = 2_000;
const MEETINGS_PER_STEP = 150;

const PLANNED = /(?:sẽ|dự kiến|chuẩn bị|kế hoạch)\s+(?:\p{L}+\s+){0,3}$|tham mưu[^.]{0,160}$/iu;

/** Finds the meetings of sentences already split, in slices, yielding between them so a long document does not hold the caller. */
export function* findMeetingsSteps(doc: ArticleText, sentences: SentenceList, context: MeetingContext, cancel: CancellationCheck): Generator<string, Meeting[]> {
  const meetings: Meeting[] = [];
  const sentenceOf: number[] = [];
  const floor = yearFloor(context.years);
  let sliceStart = { sentence: 0, meetings: 0 };
  for (let i = 0; i < sentences.length; i++) {
    if ((i & 1023) === 1023 && cancel.isCancelled()) return meetings;
    if (i - sliceStart.sentence >= SENTENCES_PER_STEP || meetings.length - sliceStart.meetings >= MEETINGS_PER_STEP) {
      yield `meetings to sentence ${i}`;
      sliceStart = { sentence: i, meetings: meetings.length };
    }
    const found = sentences.introductionsAt(i);
    // A dated lead sentence reports a meeting even without "tổ chức": "Sáng 21/6, kỳ họp thứ 3 … đã họp phiên bế mạc".
    const dated = found.verb.length > 0 ? undefined : i < LEAD_SENTENCES ? found.dated() : found.datedAside();
    const intros: readonly Introduction[] = dated ? [dated] : found.verb;
    const sentence = intros.length > 0 ? sentences.at(i) : undefined;
    if (!sentence) continue;
    for (const intro of intros) {
      meetings.push(recalled(toMeeting(doc, sentence, intro, context, meetings[meetings.length - 1]), floor));
      sentenceOf.push(i);
    }
  }
  yield 'meetings found';
  const { kept, indexes } = mergeRepeats(meetings, sentenceOf);
  yield 'repeats merged';
  const primary = choosePrimary(kept, indexes, LEAD_SENTENCES);
  yearsOfUndated(kept, indexes, sentences, primary);
  if (primary === undefined) return kept;
  const meeting = kept[primary] as Meeting;
  const at = indexes[primary] ?? 0;
  const around = sentences.slice(at, at + ROLE_SENTENCES);
  const chair = meeting.chair ?? findChair(doc, around, meeting.kind, CHAIR_SENTENCES);
  const roles = findAttendance(doc, around);
  kept[primary] = { ...meeting, primary: true, ...(chair ? { chair } : {}), ...roles };
  return kept;
}

/** A meeting dated years before the article can be (a 1945 conference in a 2017 article) is recalled, not reported. */
function recalled(m: Meeting, floor: number | undefined): Meeting {
  const year = m.date?.iso ? Number(m.date.iso.slice(0, 4)) : undefined;
  return floor !== undefined && year !== undefined && year < floor && m.status === 'reported' ? { ...m, status: 'mentioned' } : m;
}

/** What a sentence says of a meeting by itself: all but its date, with spans in its line (the line starting at 0). */
interface LocalMeeting {
  readonly kind: string;
  readonly title: string;
  readonly span: Span;
  readonly sentence: Span;
  readonly status: MeetingStatus;
  readonly organizer?: Participant;
  readonly chair?: Participant;
  readonly place?: Participant;
  readonly hosts?: Participant;
  /** The date phrase that dates the meeting, and the meeting's name, lower case, for reading the date in context. */
  readonly phrase?: DatePhrase;
  readonly name: string;
  /** The year its name gives ("năm 2020"), used when it has no date. */
  readonly nameYear?: number;
}

/** Each line's meetings as its sentences tell them, by sentence and introduction; the same line reads the same. */
const localMeetings = new LineMemo(() => new Map<string, LocalMeeting>(), 50_000);

function toMeeting(doc: ArticleText, sentence: Sentence, intro: Introduction, context: MeetingContext, previous: Meeting | undefined): Meeting {
  const byIntro = localMeetings.get(sentence.view.original);
  const key = `${sentence.start} ${intro.via} ${intro.at} ${intro.verbAt} ${intro.kind} ${intro.date?.start ?? ''}`;
  let local = byIntro.get(key);
  if (!local) {
    local = toLocalMeeting(doc, { ...sentence, lineStart: 0 }, intro);
    byIntro.set(key, local);
  }
  const date = local.phrase ? dateOf(doc, sentence, local.phrase, local.name, context, previous) : undefined;
  const year = date ? undefined : local.nameYear;
  const shift = sentence.lineStart;
  // Built field by field (in the order readers of the JSON know), not by spreading optional parts.
  const meeting: { -readonly [K in keyof Meeting]: Meeting[K] } = {
    kind: local.kind, title: local.title, span: shiftSpan(local.span, shift), sentence: shiftSpan(local.sentence, shift), line: sentence.line,
  } as Meeting;
  if (date) meeting.date = date;
  if (year !== undefined) meeting.year = year;
  meeting.status = local.status;
  meeting.primary = false;
  if (local.organizer) meeting.organizer = shiftedParticipant(local.organizer, shift);
  if (local.chair) meeting.chair = shiftedParticipant(local.chair, shift);
  if (local.place) meeting.place = shiftedParticipant(local.place, shift);
  if (local.hosts) meeting.hosts = shiftedParticipant(local.hosts, shift);
  meeting.directedBy = [];
  meeting.attendees = [];
  return meeting;
}

function shiftedParticipant(p: Participant, by: number): Participant {
  return { name: p.name, span: shiftSpan(p.span, by) };
}

/**
 * The meeting a sentence introduces, from the sentence alone; `sentence.lineStart` is 0, so spans are in its line
 * (the finders map spans through the sentence only, never through the document).
 */
function toLocalMeeting(doc: ArticleText, sentence: Sentence, intro: Introduction): LocalMeeting {
  const line = sentence.view.original;
  const text = sentence.text;
  const titleEnd = endOfTitle(text, intro.at);
  const span = toOriginalSpan(doc, sentence, intro.at, titleEnd);
  const title = line.slice(span.start, span.end).trim().replace(/[,;:]$/u, '');
  const name = text.slice(intro.at, titleEnd).toLowerCase();
  const phrase = intro.date ?? ownDate(text.toLowerCase(), intro, titleEnd);
  const before = text.slice(0, intro.verbAt);
  // "Quốc hội sẽ họp phiên bế mạc": the future marker sits between the subject and the verb.
  // A sentence that names a meeting without a verb of its own announces it when it speaks in the future:
  // "Theo chương trình dự kiến, Quốc hội sẽ … họp phiên bế mạc vào ngày 21/6/2017".
  const future = intro.via !== 'verb' && /(?:^|\s)(?:sẽ|dự kiến)\s/iu.test(text.slice(0, intro.at + 1)) && !/(?:^|\s)đã\s/iu.test(text.slice(0, intro.at));
  const planned = (PLANNED.test(before) && !/\sđã\s/iu.test(before)) || future;
  // A date in parentheses after the name ("Đại hội VI (khai mạc vào ngày 5/12/1986)") recalls a past meeting.
  const between = phrase !== undefined && phrase.start >= titleEnd ? text.slice(intro.at, phrase.start + 1) : '';
  const aside = between.lastIndexOf('(') > between.lastIndexOf(')');
  const own = phrase !== undefined && !aside && (phrase.start < intro.verbAt || intro.via !== 'verb' || phrase.start >= titleEnd);
  const status: MeetingStatus = planned || (phrase && /(?:sẽ|dự kiến)\s/iu.test(text.slice(phrase.end, phrase.end + 120)) && intro.via !== 'verb') ? 'planned' : own ? 'reported' : 'mentioned';
  const organizer = findOrganizer(doc, sentence, intro.verbAt, intro.at, titleEnd);
  const chair = /chủ trì(?:\s+(?:buổi|cuộc))?$/iu.test(text.slice(0, intro.at).trimEnd()) ? findChair(doc, [sentence]) : undefined;
  const place = findPlace(doc, sentence, Math.min(intro.at, phrase?.end ?? intro.at));
  const hosts = intro.via === 'visit' ? findHosts(doc, sentence, intro.at) : undefined;
  const nameYear = /năm\s+((?:19|20)\d{2})/u.exec(name)?.[1];
  return {
    kind: intro.kind, title, span, sentence: toOriginalSpan(doc, sentence, 0, text.length), status, name,
    ...(phrase ? { phrase } : {}),
    ...(nameYear !== undefined ? { nameYear: Number(nameYear) } : {}),
    ...(organizer ? { organizer } : {}),
    ...(chair ? { chair } : {}),
    ...(place ? { place } : {}),
    ...(hosts ? { hosts } : {}),
  };
}

// A date right after a document's name is the document's date.
const DOCUMENT_BEFORE = /(?:\d+\/[\p{Lu}\p{Ll}\d/-]+|-[\p{L}]+\/[\p{L}]+|nghị quyết|chỉ thị|quyết định|kết luận|thông tư|nghị định|công văn|quy định|luật)[^,.;:]{0,12}$/iu;

/** The sentence's date phrase that dates this meeting: before its verb in the clause, right after its name, or inside its name. */
function ownDate(folded: string, intro: Introduction, titleEnd: number): DatePhrase | undefined {
  const phrases = findDatePhrases(folded).filter((p) => (p.day !== undefined || p.relative !== undefined) && !DOCUMENT_BEFORE.test(folded.slice(0, p.start)));
  const lead = phrases.filter((p) => p.end <= intro.verbAt && !/[.;]/u.test(folded.slice(p.end, intro.verbAt))).pop();
  if (lead) return lead;
  return phrases.find((p) => p.start >= intro.at && p.start <= titleEnd + 30 && (p.year !== undefined || p.start >= titleEnd - 2));
}

function dateOf(doc: ArticleText, sentence: Sentence, phrase: DatePhrase, name: string, context: MeetingContext, previous: Meeting | undefined): MeetingDate | undefined {
  const span = toOriginalSpan(doc, sentence, phrase.start, phrase.end);
  if (phrase.day !== undefined) return toMeetingDate(phrase, span, name, context.years, context.plenumYear);
  // "Chiều cùng ngày" is the previous meeting's day; "sáng nay" the article's, when a date line gives it.
  const same = phrase.relative === 'same-day' ? previous?.date : undefined;
  if (same) return { ...same, span, ...(phrase.timeOfDay ? { timeOfDay: phrase.timeOfDay } : {}) };
  const today = phrase.relative === 'today' && context.articleDate ? fromIso(context.articleDate) : undefined;
  return today ? toMeetingDate({ ...phrase, ...today }, span, name, context.years, context.plenumYear) : undefined;
}

/**
 * An undated meeting's year: a plan under a "Năm 2021, …" heading is in that year; another meeting of a report is in
 * the year of the meeting the report is about, when that year is known from evidence.
 */
function yearsOfUndated(meetings: Meeting[], sentenceOf: readonly number[], sentences: SentenceList, primary: number | undefined): void {
  const reportYear = primary === undefined ? undefined : meetings[primary]?.date?.iso?.slice(0, 4);
  meetings.forEach((m, i) => {
    if (m.date || m.year !== undefined) return;
    // A congress "nhiệm kỳ 2020 – 2025" opens its term: it, and the meetings that prepare it, are in 2020.
    const congress = /đại hội[^.;]{0,120}nhiệm kỳ\s+((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}/iu.exec(m.title);
    let year: number | undefined = congress ? Number(congress[1]) : undefined;
    if (year === undefined && m.status === 'planned') {
      const at = sentenceOf[i] ?? 0;
      for (let j = at; j >= Math.max(0, at - 40) && year === undefined; j--) {
        const heading = /^(?:trong\s+)?năm\s+((?:19|20)\d{2})\s*,/iu.exec(sentences.textAt(j));
        if (heading) year = Number(heading[1]);
      }
    }
    year ??= reportYear !== undefined && m.status !== 'planned' ? Number(reportYear) : undefined;
    if (year !== undefined) meetings[i] = { ...m, year };
  });
}
