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
  /** Per line, where it starts and where its content ends (before the break); `count` entries of each are used. */
  private readonly starts: Int32Array;
  private readonly contentEnds: Int32Array;
  private readonly count: number;

  /**
   * With `previous` (the index of an earlier version of the text) and the lines the edit left alone, only the
   * lines between them are scanned; the others' boundaries are copied, shifted by the change in length.
   */
  constructor(private readonly text: string, previous?: LineIndex, unchanged: UnchangedLines = { before: 0, after: 0 }) {
    if (!previous) {
      const starts: number[] = [0];
      const contentEnds: number[] = [];
      scanBreaks(text, 0, text.length, starts, contentEnds);
      contentEnds.push(text.length);
      this.count = starts.length;
      this.starts = Int32Array.from(starts);
      this.contentEnds = Int32Array.from(contentEnds);
      return;
    }
    const { before, after } = unchanged;
    const shift = text.length - previous.text.length;
    const firstAfter = previous.count - after;
    // The edited lines, from the start of the first one to the start of the first unchanged line after them.
    const starts: number[] = [previous.starts[before] ?? 0];
    const contentEnds: number[] = [];
    const to = after > 0 ? (previous.starts[firstAfter] ?? 0) + shift : text.length;
    scanBreaks(text, starts[0] ?? 0, to, starts, contentEnds);
    if (after === 0) contentEnds.push(text.length);
    // With unchanged lines after the edit, the scan stopped at the start of the first of them, which it pushed.
    const edited = after > 0 ? starts.length - 1 : starts.length;
    this.count = before + edited + after;
    this.starts = new Int32Array(this.count);
    this.contentEnds = new Int32Array(this.count);
    this.starts.set(previous.starts.subarray(0, before));
    this.contentEnds.set(previous.contentEnds.subarray(0, before));
    for (let i = 0; i < edited; i++) {
      this.starts[before + i] = starts[i] ?? 0;
      this.contentEnds[before + i] = contentEnds[i] ?? 0;
    }
    const at = before + edited;
    for (let i = 0; i < after; i++) {
      this.starts[at + i] = (previous.starts[firstAfter + i] ?? 0) + shift;
      this.contentEnds[at + i] = (previous.contentEnds[firstAfter + i] ?? 0) + shift;
    }
  }

  /** Number of lines; an empty text has one empty line. */
  get lineCount(): number {
    return this.count;
  }

  /** The line with the given index, clamped into range. */
  line(index: number): LineInfo {
    const i = Math.max(0, Math.min(index, this.count - 1));
    const start = this.starts[i] ?? 0;
    const end = this.contentEnds[i] ?? this.text.length;
    const endWithBreak = i + 1 < this.count ? (this.starts[i + 1] ?? 0) : this.text.length;
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
    let hi = this.count - 1;
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
    if (position.line >= this.count) return this.text.length;
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
