import { LineIndex, type LineInfo } from './line-index';
import { LineMemo } from './memo';
import { fold } from './normalized-text';

const BULLETS = /^[\s\u00a0•·\-–*+>|]+/u;
const SPACES = /[\s\u00a0\u200b\u200c\u200d\ufeff]+/gu;

/** The document text with its lines and line keys, shared by every rule; per-line work is memoised by line text. */
export class ArticleText {
  readonly lines: LineIndex;

  private readonly keys = new Map<number, string>();
  private readonly texts: (string | undefined)[] = [];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** Line boundaries. */
  line(index: number): LineInfo {
    return this.lines.line(index);
  }

  /** Raw text of a line. */
  lineText(index: number): string {
    // One string per line, shared by every memo: the engine hashes a string once, not once per lookup.
    let text = this.texts[index];
    if (text === undefined) {
      text = this.lines.lineText(index);
      this.texts[index] = text;
    }
    return text;
  }

  /** The line as matching sees it: folded, bullets dropped, whitespace collapsed and trimmed. */
  lineKey(index: number): string {
    let key = this.keys.get(index);
    if (key === undefined) {
      key = toLineKey(this.lineText(index));
      this.keys.set(index, key);
    }
    return key;
  }

  /** True when the line holds nothing but whitespace (NBSP and zero-width included). */
  isBlank(index: number): boolean {
    const info = this.lines.line(index);
    for (let i = info.start; i < info.end; i++) {
      const c = this.text.charCodeAt(i);
      if (!(c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x0b || c === 0x0c)) return false;
    }
    return true;
  }
}

const lineKeys = new LineMemo((line: string) => fold(line).replace(SPACES, ' ').replace(BULLETS, '').trim());

/** Folds a line for matching: NFC, lower case, leading bullets dropped, whitespace collapsed. */
export function toLineKey(line: string): string {
  return lineKeys.get(line);
}
