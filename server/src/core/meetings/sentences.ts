import type { ArticleText } from '../text/article-text';
import { intern, LineMemo } from '../text/memo';
import { NormalizedText } from '../text/normalized-text';
import type { Span } from '../types';
import { introductionsOf, type SentenceIntroductions } from './find';

/** A sentence of a line's NFC view, with the line it belongs to. */
export interface Sentence {
  readonly line: number;
  /** Where the line starts in the document. */
  readonly lineStart: number;
  /** The line's NFC view, which maps sentence offsets back to the line. */
  readonly view: NormalizedText;
  /** Offsets into the line's NFC view. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface LineSentences {
  readonly view: NormalizedText;
  readonly spans: readonly { readonly start: number; readonly end: number; readonly text: string }[];
  /** Each sentence's meeting introductions, found when first asked (a pure function of its text, like the rest). */
  readonly introductions: (SentenceIntroductions | undefined)[];
}

/** The NFC view of a line and its sentences, memoised per line text. */
const sentencesByLine = new LineMemo((line: string): LineSentences => {
  const view = new NormalizedText(line, { lowerCase: false });
  const text = view.text;
  const spans: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (const stop of sentenceStops(text)) {
    pushSentence(spans, text, from, stop);
    from = stop;
  }
  pushSentence(spans, text, from, text.length);
  return { view, spans, introductions: [] };
});

// A full stop ends a sentence when a capital (or a quote and a capital) follows; a numbered item ("2. Tiếp tục") starts one.
const STOP = /[.!?…]+["”»)]?(?=\s+(?:["“«(]?\p{Lu}|\d{1,2}[.)]\s+\p{Lu}))/gu;
// Abbreviations and initials end in a full stop without ending the sentence: "TP. Hồ Chí Minh", "PGS.TS. Nguyễn", "Q. 1".
const ABBREVIATION = /(?:^|[\s(])(?:TP|Tp|Q|P|H|X|TX|TT|PGS|GS|TS|ThS|Th\.S|BS|KS|NSND|NSƯT|Đ\/c|St|Mr|Mrs|Dr|\p{Lu}|(?:PGS|GS)\.TS)$/u;
// A photo caption or credit runs into the next sentence without a stop: "… - Ảnh: Báo Nghệ An Sáng nay 14-3, …",
// "Ảnh minh họa: TTXVN Thảo luận tại tổ …". A capitalised time word after a word (not a comma) starts a sentence, as
// does a capital after an upper-case credit.
const GLUED_DATE = /(?<=[\p{L}\p{M}\d)”"])\s+(?=(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Hôm qua|Hôm)\s+(?:nay|qua|cùng|mai|\d|\(?thứ|hôm|ngày)|Ngày\s+\d)/gu;
const GLUED_CREDIT = /Ảnh(?:\s+\p{L}+){0,3}\s*:\s*(?:\p{Lu}[\p{Lu}\d./-]+\s+)+(?=\p{Lu}\p{Ll})/gu;

/** Offsets (in `text`) where a sentence ends, in order. */
function sentenceStops(text: string): number[] {
  const stops = new Set<number>();
  for (const m of text.matchAll(STOP)) {
    const at = m.index ?? 0;
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(0, at - 12), at))) continue;
    stops.add(at + m[0].length);
  }
  for (const m of text.matchAll(GLUED_DATE)) stops.add(m.index ?? 0);
  for (const m of text.matchAll(GLUED_CREDIT)) stops.add((m.index ?? 0) + m[0].length);
  return [...stops].filter((s) => s > 0 && s < text.length).sort((a, b) => a - b);
}

/**
 * A document's sentences in order, read by index. Most sentences introduce no meeting and are only looked at through
 * their text, so a sentence becomes an object only when asked for (`at`, `slice`): a long document does not make tens
 * of thousands of them on every edit.
 */
export class SentenceList {
  /** The lines with sentences, in order, and their sentences. */
  private readonly lines: number[] = [];
  private readonly groups: LineSentences[] = [];
  /** Per sentence, its line among `lines` and its index among that line's sentences. */
  private groupOf = new Int32Array(1024);
  private indexIn = new Int32Array(1024);
  private count = 0;

  constructor(private readonly doc: ArticleText) {}

  get length(): number {
    return this.count;
  }

  /** The text of sentence `i`, or '' past the end. */
  textAt(i: number): string {
    return this.spanAt(i)?.text ?? '';
  }

  /** The meeting introductions of sentence `i` (none past the end). */
  introductionsAt(i: number): SentenceIntroductions {
    const group = i >= 0 && i < this.count ? this.groups[this.groupOf[i] ?? 0] : undefined;
    if (!group) return introductionsOf('');
    const k = this.indexIn[i] ?? 0;
    return (group.introductions[k] ??= introductionsOf(group.spans[k]?.text ?? ''));
  }

  /** Sentence `i`, or undefined past the end. */
  at(i: number): Sentence | undefined {
    const s = this.spanAt(i);
    const group = this.groupOf[i] ?? 0;
    const line = this.lines[group];
    const view = this.groups[group]?.view;
    if (!s || line === undefined || !view) return undefined;
    return { line, lineStart: this.doc.line(line).start, view, start: s.start, end: s.end, text: s.text };
  }

  /** Sentences `from` to `to` (exclusive), as objects. */
  slice(from: number, to: number): Sentence[] {
    const out: Sentence[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) {
      const sentence = this.at(i);
      if (sentence) out.push(sentence);
    }
    return out;
  }

  /** Adds the sentences of the non-skipped lines `from` to `to` (exclusive). */
  addLines(skipLine: (line: number) => boolean, from: number, to: number): void {
    const { doc } = this;
    for (let line = from; line < doc.lineCount && line < to; line++) {
      if (skipLine(line) || doc.isBlank(line)) continue;
      const group = doc.lineValue(sentencesByLine, line);
      const n = group.spans.length;
      if (n === 0) continue;
      if (this.count + n > this.groupOf.length) this.grow(this.count + n);
      const g = this.groups.length;
      this.lines.push(line);
      this.groups.push(group);
      for (let k = 0; k < n; k++) {
        this.groupOf[this.count] = g;
        this.indexIn[this.count++] = k;
      }
    }
  }

  private spanAt(i: number): LineSentences['spans'][number] | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.groups[this.groupOf[i] ?? 0]?.spans[this.indexIn[i] ?? 0];
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.groupOf.length * 2);
    const groups = new Int32Array(size);
    const indexes = new Int32Array(size);
    groups.set(this.groupOf.subarray(0, this.count));
    indexes.set(this.indexIn.subarray(0, this.count));
    this.groupOf = groups;
    this.indexIn = indexes;
  }
}

function pushSentence(out: { start: number; end: number; text: string }[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  // A shared copy (`intern`): the memos keyed by sentence text find it by identity.
  if (body.length > 1) out.push({ start: from + lead, end: from + lead + body.length, text: intern(body) });
}

/** Maps a span inside a sentence (sentence-relative offsets) to the document. */
export function toOriginalSpan(_doc: ArticleText, sentence: Sentence, from: number, to: number): Span {
  const span = sentence.view.toOriginal({ start: sentence.start + from, end: sentence.start + to });
  return { start: span.start + sentence.lineStart, end: span.end + sentence.lineStart };
}
