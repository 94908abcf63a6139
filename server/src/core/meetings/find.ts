import { findDatePhrases, type DatePhrase } from '../dates/phrases';
import { LineMemo } from '../text/memo';
import type { Sentence } from './sentences';
import { LETTER_OR_MARK_BEFORE, matchesNotAfter } from '../text/match-after';

/** What the finders read of a sentence: its text alone, so their results can be memoised by it. */
type SentenceText = Pick<Sentence, 'text'>;

/** Where a sentence speaks of a meeting: its kind, the meeting word, and the word that introduces it. */
export interface Introduction {
  readonly kind: string;
  /** Offset of the meeting word (the title starts there). */
  readonly at: number;
  /** Offset of the clause's verb ("tổ chức", "khai mạc"), or of the meeting word when none comes first. */
  readonly verbAt: number;
  /** How the sentence speaks of it: a verb before the meeting word, a dated sentence, an assembly sitting, a visit. */
  readonly via: 'verb' | 'dated' | 'sitting' | 'visit';
  /** The date phrase of the sentence that dates the meeting, folded offsets. */
  readonly date?: DatePhrase;
}

const NOUN = 'hội nghị|hội thảo|họp báo|phiên họp|phiên (?:khai mạc|bế mạc|thảo luận|chất vấn|toàn thể|làm việc)|kỳ họp|kì họp|cuộc họp|đại hội|tọa đàm|toạ đàm|giao ban|buổi làm việc|buổi tiếp xúc|lễ kỷ niệm|lễ khai mạc|lễ ra mắt|lễ trao giải|lễ phát động|lễ công bố';
// No letter before these: checked by `matchesNotAfter`, much faster than a leading lookbehind in the pattern.
const NOUNS = new RegExp(`(${NOUN})(?![\\p{L}\\p{M}])`, 'giu');
const INTRODUCED = new RegExp(`(?:tổ chức|chủ trì|khai mạc|triệu tập)\\s+(?:thành công\\s+)?(?:buổi\\s+|cuộc\\s+)?(${NOUN})(?![\\p{L}\\p{M}])`, 'giu');
const SITTING = /(quốc hội|qh|hđnd[^,.;]{0,30}|ủy ban thường vụ quốc hội)(?:\s+(?:khóa|khoá)\s+[\dxvi]+)?\s+(?:đã\s+|đang\s+|sẽ\s+)?(?:chính thức\s+)?(họp|thông qua|biểu quyết|thảo luận|chất vấn|bế mạc|khai mạc|làm việc)(?![\p{L}\p{M}])/giu;
const VISIT = /(?:đã\s+)?(?:có\s+)?(?:(?:đến\s+)?thăm và\s+)?(?:buổi\s+)?làm việc với(?![\p{L}\p{M}])/giu;
// Plural, routine or nominalised mentions are not meetings: "các hội nghị", "định kỳ … giao ban", "việc tổ chức đại hội".
const GENERIC_BEFORE = /(?:các|những|nhiều)\s*$|(?:định kỳ|thường xuyên|hằng tháng|hàng tháng|hằng quý|hằng tuần|việc)\s+(?:\p{L}+[\s,]+){0,8}$/iu;
const GENERIC_AFTER = /^\s+(?:đảng bộ\s+)?các cấp|^[^.;]{0,60}\s+theo quy định/iu;
// A date right after a document's name is the document's date: "Nghị quyết số 343/2017/UBTVQH14 ngày 19/1/2017".
const DOCUMENT_BEFORE = /(?:\d+\/[\p{Lu}\d/-]+|-[\p{Lu}Đ]+\/[\p{Lu}Đ]+|nghị quyết|chỉ thị|quyết định|kết luận|thông tư|nghị định|công văn|quy định|luật)[^,.;:]{0,12}$/iu;
// Cheap substring checks before the regular expressions, which cost far more on long documents.
const MAY_INTRODUCE = ['ổ chức', 'hủ trì', 'hai mạc', 'riệu tập'];

/** The meeting kind of a meeting word as written: spelling variants and sittings folded together. */
export function toKind(word: string): string {
  const w = word.toLowerCase();
  if (w === 'toạ đàm') return 'tọa đàm';
  if (w === 'kì họp') return 'kỳ họp';
  if (w.startsWith('phiên ')) return 'phiên họp';
  return w;
}

/** Meetings introduced by a verb anywhere: "tổ chức Hội nghị …", "chủ trì cuộc họp …". */
export function findVerbIntroductions(sentence: SentenceText): Introduction[] {
  const found: Introduction[] = [];
  if (!MAY_INTRODUCE.some((w) => sentence.text.includes(w))) return found;
  for (const m of matchesNotAfter(sentence.text, INTRODUCED, LETTER_OR_MARK_BEFORE)) {
    const word = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].length - word.length;
    if (isGeneric(sentence.text, at, word.length)) continue;
    found.push({ kind: toKind(word), at, verbAt: m.index ?? 0, via: 'verb' });
  }
  return found;
}

/**
 * The meeting a dated sentence reports: "Sáng 21/6, kỳ họp thứ 3 … đã họp phiên bế mạc", "Chiều 19/5, tại Nhà
 * Quốc hội, … Họp báo …", "Quốc hội họp phiên toàn thể", "làm việc với …". The date must be the sentence's own,
 * not a document's.
 */
export function findDatedIntroduction(sentence: SentenceText): Introduction | undefined {
  const folded = sentence.text.toLowerCase();
  const date = findDatePhrases(folded).find((p) => (p.day !== undefined || p.relative !== undefined) && !DOCUMENT_BEFORE.test(folded.slice(0, p.start)));
  if (!date) return undefined;
  const nouns = [...matchesNotAfter(sentence.text, NOUNS, LETTER_OR_MARK_BEFORE)].filter((m) => !isGeneric(sentence.text, m.index ?? 0, (m[1] ?? '').length));
  const sitting = matchesNotAfter(sentence.text, SITTING, LETTER_OR_MARK_BEFORE).next().value;
  const visit = matchesNotAfter(sentence.text, VISIT, LETTER_OR_MARK_BEFORE).next().value;
  const after = nouns.find((m) => (m.index ?? 0) >= date.end) ?? nouns[nouns.length - 1];
  if (sitting && (!after || (sitting.index ?? 0) < (after.index ?? 0)) && /họp|thông qua|biểu quyết|thảo luận|chất vấn/iu.test(sitting[2] ?? '')) {
    const phiên = /phiên(?:\s+(?:họp|toàn thể|bế mạc|khai mạc|thảo luận|chất vấn))?/iu.exec(sentence.text.slice(sitting.index ?? 0));
    const at = phiên ? (sitting.index ?? 0) + (phiên.index ?? 0) : sitting.index ?? 0;
    return { kind: 'phiên họp', at, verbAt: sitting.index ?? 0, via: 'sitting', date };
  }
  if (after) {
    const at = after.index ?? 0;
    return { kind: toKind(after[1] ?? ''), at, verbAt: at, via: 'dated', date };
  }
  if (visit) return { kind: 'buổi làm việc', at: visit.index ?? 0, verbAt: visit.index ?? 0, via: 'visit', date };
  return undefined;
}

function isGeneric(text: string, at: number, length: number): boolean {
  return GENERIC_BEFORE.test(text.slice(0, at)) || GENERIC_AFTER.test(text.slice(at + length));
}

const AT_MEETING = new RegExp(`(?:tại|trong)\\s+(${NOUN})(?![\\p{L}\\p{M}])`, 'giu');

/**
 * Past the lead, a meeting dated right after its name: "… phát biểu tại Hội nghị … sáng 25/5", "… trong cuộc họp
 * góp ý … vào sáng 6/2". Such a sentence may be the only one that dates the meeting the lead talks about.
 */
export function findDatedAside(sentence: SentenceText): Introduction | undefined {
  // Folded only for a sentence that names a meeting: most do not.
  let folded: string | undefined;
  let phrases: DatePhrase[] | undefined;
  for (const m of matchesNotAfter(sentence.text, AT_MEETING, LETTER_OR_MARK_BEFORE)) {
    const word = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].length - word.length;
    const lower = (folded ??= sentence.text.toLowerCase());
    phrases ??= findDatePhrases(lower);
    const date = phrases.find((p) => p.day !== undefined && p.start > at && p.start - at < 160 && !/[.;]/u.test(lower.slice(at, p.start)));
    if (date && !DOCUMENT_BEFORE.test(lower.slice(0, date.start))) return { kind: toKind(word), at, verbAt: at, via: 'dated', date };
  }
  return undefined;
}

/**
 * The introductions of one sentence text, each kind computed when first asked and kept while the text stays in the
 * memo: editing a long document leaves most of its sentences as they were.
 */
export class SentenceIntroductions {
  /** Meetings introduced by a verb (`findVerbIntroductions`). */
  readonly verb: readonly Introduction[];
  private lead: Introduction | null | undefined;
  private aside: Introduction | null | undefined;

  constructor(private readonly text: string) {
    this.verb = findVerbIntroductions({ text });
  }

  /** `findDatedIntroduction` of the sentence. */
  dated(): Introduction | undefined {
    if (this.lead === undefined) this.lead = findDatedIntroduction({ text: this.text }) ?? null;
    return this.lead ?? undefined;
  }

  /** `findDatedAside` of the sentence. */
  datedAside(): Introduction | undefined {
    if (this.aside === undefined) this.aside = findDatedAside({ text: this.text }) ?? null;
    return this.aside ?? undefined;
  }
}

const introductionsByText = new LineMemo((text: string) => new SentenceIntroductions(text), 100_000);

/** The introductions of a sentence, memoised by its text. */
export function introductionsOf(text: string): SentenceIntroductions {
  return introductionsByText.get(text);
}
