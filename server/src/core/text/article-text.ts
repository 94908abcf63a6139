import { LineIndex, type LineInfo } from './line-index';
import { NormalizedText, fold } from './normalized-text';

const BULLETS = /^[\s\u00a0•·\-–*+>|]+/u;
const SPACES = /[\s\u00a0\u200b\u200c\u200d\ufeff]+/gu;

/** The document text with the views analysis needs, built lazily and shared by every rule. */
export class ArticleText {
  readonly lines: LineIndex;
  private normalizedView: NormalizedText | undefined;
  private nfcView: NormalizedText | undefined;
  private readonly keys = new Map<number, string>();

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** The NFC, lower-cased view with its offset map. */
  get normalized(): NormalizedText {
    this.normalizedView ??= new NormalizedText(this.text);
    return this.normalizedView;
  }

  /** The NFC view that keeps capitals, for reading names and titles. */
  get nfc(): NormalizedText {
    this.nfcView ??= new NormalizedText(this.text, { lowerCase: false });
    return this.nfcView;
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
    return this.lines.lineText(index);
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
    return this.lineKey(index) === '' && !/[•·\-–*+>|]/u.test(this.lineText(index));
  }
}

/** Folds a line for matching: NFC, lower case, leading bullets dropped, whitespace collapsed. */
export function toLineKey(line: string): string {
  return fold(line).replace(SPACES, ' ').replace(BULLETS, '').trim();
}
