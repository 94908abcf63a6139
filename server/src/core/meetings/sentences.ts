import type { ArticleText } from '../text/article-text';
import { LineMemo } from '../text/memo';
import { NormalizedText } from '../text/normalized-text';
import type { Span } from '../types';

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
}

/** The NFC view of a line and its sentences (". " followed by a capital, or the line end), memoised per line text. */
const sentencesByLine = new LineMemo((line: string): LineSentences => {
  const view = new NormalizedText(line, { lowerCase: false });
  const text = view.text;
  const spans: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?…]+["”]?(?=\s+["“]?\p{Lu})/gu)) {
    const stop = (m.index ?? 0) + m[0].length;
    pushSentence(spans, text, from, stop);
    from = stop;
  }
  pushSentence(spans, text, from, text.length);
  return { view, spans };
});

/** Splits the non-skipped lines `from` to `to` (exclusive) into sentences. */
export function splitSentences(doc: ArticleText, skipLine: (line: number) => boolean, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  for (let line = from; line < doc.lineCount && line < to; line++) {
    if (skipLine(line) || doc.isBlank(line)) continue;
    const info = doc.line(line);
    const { view, spans } = sentencesByLine.get(doc.lineText(line));
    for (const s of spans) sentences.push({ line, lineStart: info.start, view, ...s });
  }
  return sentences;
}

function pushSentence(out: { start: number; end: number; text: string }[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body.length > 1) out.push({ start: from + lead, end: from + lead + body.length, text: body });
}

/** Maps a span inside a sentence (sentence-relative offsets) to the document. */
export function toOriginalSpan(_doc: ArticleText, sentence: Sentence, from: number, to: number): Span {
  const span = sentence.view.toOriginal({ start: sentence.start + from, end: sentence.start + to });
  return { start: span.start + sentence.lineStart, end: span.end + sentence.lineStart };
}
