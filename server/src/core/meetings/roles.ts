import type { ArticleText } from '../text/article-text';
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

const CHAIR_VERB = /(?<![\p{L}\p{M}])(?:chủ trì|điều hành)(?![\p{L}\p{M}])/giu;
const TITLE_FIRST = /(?:^|[\s,(])((?:Phó\s+)?(?:Tổng Bí thư|Chủ tịch|Bí thư|Thủ tướng|Bộ trưởng|Thứ trưởng|Trưởng [Bb]an|Giám đốc|Ủy viên|Tổng Thư ký|Chủ nhiệm|Trưởng [Đđ]oàn|Thống đốc)(?:\s+[^\s,.;]+){0,12}?\s+\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,3})\s*(?:,|[.;]?$|\s+(?:đã|cùng|và|chủ trì|điều hành|phát biểu)(?![\p{L}\p{M}]))/u;

/** Who chaired: "đồng chí X, title … chủ trì", "Phó Bí thư Thành ủy Võ Thị Dung chủ trì", "do … chủ trì", "dưới sự điều hành của …". */
export function findChair(doc: ArticleText, sentences: readonly Sentence[]): Participant | undefined {
  for (const sentence of sentences) {
    const text = sentence.text;
    const under = /dưới sự (?:chủ trì|điều hành) của\s+/iu.exec(text);
    if (under) {
      const from = under.index + under[0].length;
      const read = readPerson(text, from);
      const person = titledPerson(text, from, text.length) ?? (read ? { start: read.start, end: read.end, label: personLabel(read) } : undefined);
      if (person) return toParticipant(doc, sentence, person.start, person.end, person.label);
    }
    for (const m of text.matchAll(CHAIR_VERB)) {
      const verbAt = (m.index ?? 0);
      const before = text.slice(0, verbAt).replace(ADVERBS, '').trimEnd();
      const by = /(?:^|\s)do\s+/u.exec(before.slice(-160));
      const clauseStart = by ? before.length - 160 + by.index + by[0].length : Math.max(0, before.lastIndexOf('. ') + 2);
      const person = readPersonBefore(text, Math.max(0, clauseStart), before.length);
      if (person) return toParticipant(doc, sentence, person.start, person.end, personLabel(person));
      const titled = titledPerson(text, Math.max(0, clauseStart), before.length);
      if (titled) return toParticipant(doc, sentence, titled.start, titled.end, titled.label);
    }
  }
  return undefined;
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
