import type { Span } from '../types';

/** A line of the document: its content span and the span including its line break. */
export interface LineInfo {
  readonly index: number;
  readonly start: number;
  /** End of the content, before the line break. */
  readonly end: number;
  /** End including the line break (equals `end` on the last line without one). */
  readonly endWithBreak: number;
}

/** A zero-based line and UTF-16 character, the shape LSP uses. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

/** The lines an edit left alone: the first `before` lines and the last `after` lines are the same in both texts. */
export interface UnchangedLines {
  readonly before: number;
  readonly after: number;
}

/** Converts between offsets and line/character, handling `\n`, `\r\n` and `\r`. */
export class LineIndex {
  private readonly starts: number[];
  private readonly contentEnds: number[];

  /**
   * With `previous` (the index of an earlier version of the text) and the lines the edit left alone, only the
   * lines between them are scanned; the others' boundaries are copied, shifted by the change in length.
   */
  constructor(private readonly text: string, previous?: LineIndex, unchanged: UnchangedLines = { before: 0, after: 0 }) {
    if (!previous) {
      this.starts = [0];
      this.contentEnds = [];
      scanBreaks(text, 0, text.length, this.starts, this.contentEnds);
      this.contentEnds.push(text.length);
      return;
    }
    const { before, after } = unchanged;
    const shift = text.length - previous.text.length;
    const firstAfter = previous.lineCount - after;
    this.starts = previous.starts.slice(0, before + 1);
    this.contentEnds = previous.contentEnds.slice(0, before);
    const to = after > 0 ? (previous.starts[firstAfter] ?? 0) + shift : text.length;
    scanBreaks(text, this.starts[before] ?? 0, to, this.starts, this.contentEnds);
    if (after === 0) {
      this.contentEnds.push(text.length);
      return;
    }
    // The scan stopped at the start of the first unchanged line after the edit, which it already pushed.
    for (let line = firstAfter; line < previous.lineCount; line++) {
      if (line > firstAfter) this.starts.push((previous.starts[line] ?? 0) + shift);
      this.contentEnds.push((previous.contentEnds[line] ?? 0) + shift);
    }
  }

  /** Number of lines; an empty text has one empty line. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The line with the given index, clamped into range. */
  line(index: number): LineInfo {
    const i = Math.max(0, Math.min(index, this.starts.length - 1));
    const start = this.starts[i] ?? 0;
    const end = this.contentEnds[i] ?? this.text.length;
    const endWithBreak = this.starts[i + 1] ?? this.text.length;
    return { index: i, start, end, endWithBreak };
  }

  /** The text of a line without its line break. */
  lineText(index: number): string {
    const info = this.line(index);
    return this.text.slice(info.start, info.end);
  }

  /** The line holding an offset (a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset → line/character, clamped into the text. */
  toPosition(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const info = this.line(line);
    return { line, character: Math.min(clamped, info.end) - info.start };
  }

  /** Line/character → offset, clamped to the line's content. */
  toOffset(position: LineCharacter): number {
    if (position.line >= this.starts.length) return this.text.length;
    const info = this.line(position.line);
    return Math.min(info.start + Math.max(0, position.character), info.end);
  }

  /** Span → start and end positions. */
  toRange(span: Span): { start: LineCharacter; end: LineCharacter } {
    return { start: this.toPosition(span.start), end: this.toPosition(span.end) };
  }
}

/** Pushes the line starts and content ends of the line breaks in `text` from `from` to `to` (exclusive). */
function scanBreaks(text: string, from: number, to: number, starts: number[], contentEnds: number[]): void {
  // The engine's search for one character is much faster than reading the text a character at a time.
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  for (;;) {
    const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
    if (at < 0 || at >= to) return;
    contentEnds.push(at);
    const next = at === cr && lf === at + 1 ? at + 2 : at + 1;
    starts.push(next);
    if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
    if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
  }
}
