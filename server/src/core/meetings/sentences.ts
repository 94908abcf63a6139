import type { ArticleText } from '../text/article-text';
import type { Span } from '../types';

/** A sentence of the NFC view, with its line (paragraph) index. */
export interface Sentence {
  readonly line: number;
  /** Offsets into the NFC view. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Splits the non-skipped lines of the NFC view into sentences (". " followed by a capital, or the line end). */
export function splitSentences(doc: ArticleText, skipLine: (line: number) => boolean, maxLines: number): Sentence[] {
  const nfc = doc.nfc;
  const sentences: Sentence[] = [];
  for (let line = 0; line < doc.lineCount && line < maxLines; line++) {
    if (skipLine(line) || doc.isBlank(line)) continue;
    const info = doc.line(line);
    const start = nfc.fromOriginal(info.start);
    const end = nfc.fromOriginal(info.end);
    const text = nfc.text.slice(start, end);
    let from = 0;
    for (const m of text.matchAll(/[.!?…]+["”]?(?=\s+["“]?\p{Lu})/gu)) {
      const stop = (m.index ?? 0) + m[0].length;
      pushSentence(sentences, line, start, text, from, stop);
      from = stop;
    }
    pushSentence(sentences, line, start, text, from, text.length);
  }
  return sentences;
}

function pushSentence(out: Sentence[], line: number, base: number, text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body.length > 1) out.push({ line, start: base + from + lead, end: base + from + lead + body.length, text: body });
}

/** Maps a span inside a sentence (sentence-relative offsets) to the original text. */
export function toOriginalSpan(doc: ArticleText, sentence: Sentence, from: number, to: number): Span {
  return doc.nfc.toOriginal({ start: sentence.start + from, end: sentence.start + to });
}
