import type { ArticleText } from '../text/article-text';
import { LETTER_OR_MARK_BEFORE, matchesNotAfter } from '../text/match-after';
import { findOrganizations, readOrganization } from './organizations';
import { personLabel, readPerson, readPersonBefore } from './people';
import type { Sentence } from './sentences';
import { toParticipant } from './title';
import type { Participant } from './types';

// Adverbs between a subject and its verb: "Ban Bí thư đã tổ chức", "Quốc hội chính thức thông qua".
const ADVERBS = /(?:\s+(?:đã|vừa|sẽ|đang|chính thức|long trọng|trọng thể|cũng|tiếp tục|có))+\s*$/iu;

/**
 * The organiser of a meeting: the subject of the clause that introduces it ("Sáng 16-6, Thành ủy TPHCM tổ chức …",
 * "Ban Tuyên giáo Trung ương phối hợp với Ban Kinh tế Trung ương tổ chức …"), else the body its name belongs to
 * ("Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII", "phiên họp thứ 6 của Ủy ban Thường vụ Quốc hội").
 */
export function findOrganizer(doc: ArticleText, sentence: Sentence, verbAt: number, titleAt: number, titleEnd: number): Participant | undefined {
  const text = sentence.text;
  const clause = text.slice(0, verbAt).replace(ADVERBS, '');
  const clauseStart = Math.max(clause.lastIndexOf(', ') + 2, clause.lastIndexOf('. ') + 2, 0);
  const subject = readOrganization(text, clauseStart + (clause.slice(clauseStart).length - clause.slice(clauseStart).trimStart().length));
  const subjectEnd = subject ? withPartner(text, subject.end, verbAt) : 0;
  if (subject && subjectEnd >= clause.trimEnd().length - 1) return toParticipant(doc, sentence, subject.start, subjectEnd);
  const led = ledBody(text, clause, verbAt);
  if (led) return toParticipant(doc, sentence, led.start, led.end);
  const inTitle = findOrganizations(text, titleAt, titleEnd)[0];
  if (inTitle) return toParticipant(doc, sentence, inTitle.start, inTitle.end);
  const before = findOrganizations(text, 0, verbAt).filter((o) => !/với\s+$/u.test(text.slice(0, o.start))).pop();
  return before ? toParticipant(doc, sentence, before.start, before.end) : undefined;
}

// The head of a body chairs its meetings: "…, Chủ nhiệm Văn phòng Quốc hội chủ trì buổi họp báo".
const HEAD_TITLE = /(?:^|[\s,(])(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Chủ nhiệm|Giám đốc|Trưởng [Bb]an|Chánh [Vv]ăn phòng|Tổng [Tt]hư ký|Chủ tịch|Viện trưởng|Cục trưởng|Vụ trưởng|Hiệu trưởng|Tổng [Gg]iám đốc)\s+(?=\p{Lu})/gu;

/** When a person chairs ("… Chủ nhiệm Văn phòng Quốc hội chủ trì …"), the body their last title heads. */
function ledBody(text: string, clause: string, verbAt: number): { start: number; end: number } | undefined {
  if (!/^chủ trì/iu.test(text.slice(verbAt))) return undefined;
  const last = [...clause.matchAll(HEAD_TITLE)].pop();
  if (!last) return undefined;
  const org = readOrganization(text, (last.index ?? 0) + last[0].length);
  return org && clause.trimEnd().length - org.end < 40 ? org : undefined;
}

/** "X phối hợp với Y" organise together: the phrase runs to Y's end. */
function withPartner(text: string, end: number, verbAt: number): number {
  const partner = /^\s+phối hợp với\s+/u.exec(text.slice(end, verbAt));
  if (!partner) return end;
  const other = readOrganization(text, end + partner[0].length);
  return other ? other.end : end;
}

// No letter before it: checked by `matchesNotAfter`, much faster than a leading lookbehind.
const CHAIR_VERB = /(?:chủ trì|điều hành)(?![\p{L}\p{M}])/giu;
const TITLE_FIRST = /(?:^|[\s,(])((?:Phó\s+)?(?:Tổng Bí thư|Chủ tịch|Bí thư|Thủ tướng|Bộ trưởng|Thứ trưởng|Trưởng [Bb]an|Giám đốc|Ủy viên|Tổng Thư ký|Chủ nhiệm|Trưởng [Đđ]oàn|Thống đốc)(?:\s+[^\s,.;]+){0,12}?\s+\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,3})\s*(?:,|[.;]?$|\s+(?:đã|cùng|và|chủ trì|điều hành|phát biểu)(?![\p{L}\p{M}]))/u;

/**
 * Who chaired: "đồng chí X, title … chủ trì", "Ông X - title - chủ trì", "Phó Bí thư Thành ủy Võ Thị Dung chủ trì",
 * "do … chủ trì", "dưới sự điều hành của …", "X, title, thay mặt Bộ Chính trị điều hành phiên họp". Past the first
 * sentences only a chair of "the" meeting counts ("chủ trì Hội nghị.", "chủ trì buổi làm việc").
 */
export function findChair(doc: ArticleText, sentences: readonly Sentence[], kind?: string, near = sentences.length): Participant | undefined {
  for (const [i, sentence] of sentences.entries()) {
    const text = sentence.text;
    const under = /dưới sự (?:chủ trì|điều hành) của\s+/iu.exec(text);
    if (under && i < near) {
      const from = under.index + under[0].length;
      const read = readPerson(text, from);
      const person = titledPerson(text, from, text.length) ?? (read ? { start: read.start, end: read.end, label: personLabel(read) } : undefined);
      if (person) return toParticipant(doc, sentence, person.start, person.end, person.label);
    }
    for (const m of matchesNotAfter(text, CHAIR_VERB, LETTER_OR_MARK_BEFORE)) {
      const verbAt = m.index ?? 0;
      if (i >= near && !backReference(text.slice(verbAt + m[0].length), kind)) continue;
      const person = chairBefore(text, verbAt);
      if (person) return toParticipant(doc, sentence, person.start, person.end, person.label);
    }
  }
  return undefined;
}

/** "chủ trì Hội nghị.", "chủ trì buổi làm việc", "chủ trì." — the verb points back at the meeting already named. */
function backReference(after: string, kind: string | undefined): boolean {
  if (/^\s*[.,;]/u.test(after)) return true;
  if (!kind) return false;
  const m = new RegExp(`^\\s+(?:buổi\\s+|cuộc\\s+)?${kind.replace(/^buổi\s+|^cuộc\s+/u, '')}(?:\\s+(?:này|trên))?\\s*(?:[.,;]|$)`, 'iu');
  return m.test(after);
}

/** The person named before a chairing verb, dashes and "thay mặt …" asides set apart. */
function chairBefore(text: string, verbAt: number): { start: number; end: number; label: string } | undefined {
  const before = text.slice(0, verbAt).replace(ADVERBS, '').replace(/\s*[-–]\s*$/u, '').replace(/,?\s*thay mặt\s+[^,]+$/u, '').trimEnd();
  const by = /(?:^|\s)do\s+/u.exec(before.slice(-160));
  const stop = before.lastIndexOf('. ');
  const clauseStart = by ? before.length - Math.min(160, before.length) + by.index + by[0].length : stop < 0 ? 0 : stop + 2;
  // "Ông Đinh La Thăng - ủy viên Bộ Chính trị, Bí thư Thành ủy": the titles between dashes are an aside.
  const dashed = /((?:đồng chí|ông|bà)\s+\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){1,3})\s+[-–]\s+([^-–]{3,160})$/iu.exec(before.slice(clauseStart));
  if (dashed?.[1]) {
    const start = clauseStart + (dashed.index ?? 0);
    return { start, end: before.length, label: `${dashed[1].replace(/^(?:đồng chí|ông|bà)\s+/iu, '')}, ${(dashed[2] ?? '').trim()}` };
  }
  const person = readPersonBefore(text, clauseStart, before.length);
  if (person) return { start: person.start, end: person.end, label: personLabel(person) };
  return titledPerson(text, clauseStart, before.length);
}

/** "Phó Trưởng Ban thường trực Ban Tuyên giáo Trung ương Nguyễn Văn B": a title, then the name, ending the window. */
function titledPerson(text: string, from: number, to: number): { start: number; end: number; label: string } | undefined {
  const window = text.slice(from, to);
  const m = TITLE_FIRST.exec(window);
  if (!m?.[1]) return undefined;
  const start = from + (m.index ?? 0) + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length, label: m[1] };
}

const DIRECTED_AFTER = /(?:phát biểu chỉ đạo|chỉ đạo tại)\s+(?:hội nghị|hội thảo|buổi làm việc|cuộc họp|đại hội|phiên họp)\s*,\s*/iu;
const DIRECTED_BEFORE = /\s+(?:dự và chỉ đạo|dự và phát biểu chỉ đạo|phát biểu chỉ đạo)/iu;
const ATTENDEES = /^(?:tham\s+)?dự\s+(?:hội nghị|hội thảo|buổi làm việc|cuộc họp|đại hội|phiên họp|kỳ họp|buổi lễ|lễ)(?:\s+\p{Ll}+){0,3}\s+(?:còn\s+)?có\s+/iu;

/** Directors ("dự và chỉ đạo", "phát biểu chỉ đạo") and attendees ("Dự hội nghị có …") told in these sentences. */
export function findAttendance(doc: ArticleText, sentences: readonly Sentence[]): { directedBy: Participant[]; attendees: Participant[] } {
  const directedBy: Participant[] = [];
  const attendees: Participant[] = [];
  for (const sentence of sentences) {
    const mayDirect = sentence.text.includes('hỉ đạo');
    const list = ATTENDEES.exec(sentence.text);
    if (!mayDirect && !list) continue;
    const after = DIRECTED_AFTER.exec(sentence.text);
    const person = after ? readPerson(sentence.text, after.index + after[0].length) : directorBefore(sentence);
    if (person && !directedBy.some((d) => d.name.startsWith(person.name))) directedBy.push(toParticipant(doc, sentence, person.start, person.end, personLabel(person)));
    if (list) attendees.push(...readAttendees(doc, sentence, list[0].length));
  }
  for (const d of directedBy) if (!attendees.some((a) => a.name.startsWith(d.name.split(',')[0] ?? ''))) attendees.push(d);
  return { directedBy, attendees };
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
    if (trimmed.trim().length > 2) out.push(toParticipant(doc, sentence, at + lead, at + trimmed.length));
    at += part.length + 1;
  }
  return out;
}

/** For a working visit, who was visited: "… làm việc với Liên đoàn Lao động TP HCM". */
export function findHosts(doc: ArticleText, sentence: Sentence, at: number): Participant | undefined {
  const m = /làm việc với\s+/iu.exec(sentence.text.slice(at));
  if (!m) return undefined;
  const org = readOrganization(sentence.text, at + m.index + m[0].length);
  return org ? toParticipant(doc, sentence, org.start, org.end) : undefined;
}
