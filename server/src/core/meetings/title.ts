import type { ArticleText } from '../text/article-text';
import { toOriginalSpan, type Sentence } from './sentences';
import type { Participant } from './types';

/** Words that end a meeting's name: its purpose, its place, its participants or the next clause. */
const TITLE_STOP = /\s+(?:nhân dịp|nhân kỷ niệm|với sự tham dự|với sự có mặt|tại hội trường|tại trụ sở|tại nhà|tại thủ đô|tại hà nội|do đồng chí|dưới sự chủ trì|nhằm|để|đã|sẽ|diễn ra|khai mạc|bế mạc|được tổ chức|vào|chiều nay|sáng nay|hôm nay)(?![\p{L}\p{M}])|;(?!\s*(?:triển khai|và\s))|,\s*(?:đồng chí|ông|bà|đại biểu|các|nhiều|sáng|chiều|tối|ngày|tại)\s|\s*\((?=\s*(?:từ|ngày|vào|khai mạc|họp|\d))|\s+(?:sáng|chiều|tối|ngày)\s+\d|[.!?…]+\s*$/iu;

/** The name runs from the meeting word to the end of the clause that names it (quoted names whole). */
export function endOfTitle(text: string, from: number): number {
  const rest = text.slice(from);
  const quoted = /^[^“".]{0,80}[“"][^”"]{1,200}[”"]/u.exec(rest);
  if (quoted) return from + quoted[0].length;
  const stop = TITLE_STOP.exec(rest.slice(1));
  const end = stop ? stop.index + 1 : rest.length;
  return from + Math.min(end, 240);
}

// No case-folding flag: the capital that starts a proper name is the evidence.
const PLACE = /(?:^|\s)[tT]ại\s+((?:[hH]ội trường|[tT]rụ sở|[nN]hà văn ho[áa]|[kK]hách sạn|[nN]hà khách|[pP]hòng họp|[tT]hủ đô|(?:tỉnh|thành phố|huyện|xã|phường)\s+\p{Lu}|\p{Lu})[^,.;:()]{1,80})/u;

/** Where the meeting took place: "… tại Hội trường Tỉnh ủy", "… tổ chức tại Hà Nội". */
export function findPlace(doc: ArticleText, sentence: Sentence, from: number): Participant | undefined {
  const m = PLACE.exec(sentence.text.slice(from));
  if (!m?.[1]) return undefined;
  const name = m[1].replace(/\s+(?:theo|với|nhằm|để|do|và|diễn ra|khai mạc|đã|sẽ)\s.*$/u, '').replace(/\s+\p{Ll}[\p{L}\p{M}]*$/u, '').trimEnd();
  const at = from + (m.index ?? 0) + m[0].indexOf(m[1]);
  return toParticipant(doc, sentence, at, at + name.length);
}

/** A participant from sentence offsets; an honorific ("đồng chí", "ông") is dropped from the name. */
export function toParticipant(doc: ArticleText, sentence: Sentence, from: number, to: number, label?: string): Participant {
  const span = toOriginalSpan(doc, sentence, from, to);
  const name = (label ?? sentence.text.slice(from, to)).replace(/^(?:đồng chí|ông|bà)\s+(?=\p{Lu})/iu, '').trim();
  return { name, span };
}
