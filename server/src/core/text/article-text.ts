import { LineIndex, type LineInfo, type UnchangedLines } from './line-index';
import { intern, internMadeFromLine, type ContextMemo, LineMemo, type PlacedSlot } from './memo';
import { foldLine } from './normalized-text';

const BULLETS = /^[\s\u00a0•·\-–*+>|]+/u;
const SPACES = /[\s\u00a0\u200b\u200c\u200d\ufeff]+/gu;
/** The characters of `SPACES` other than the plain space, listed (checked against `\s` over the whole BMP). */
const SPACE_TO_COLLAPSE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

/**
 * The document text with its lines and line keys, shared by every rule; per-line work is memoised by line text.
 * Built from an earlier version of the same document, it scans only the lines the edit touched and keeps the
 * others' line strings and keys, so the memos find them without hashing the whole text again.
 */
export class ArticleText {
  readonly lines: LineIndex;

  private readonly keys: (string | undefined)[];
  private readonly texts: (string | undefined)[];
  /**
   * Per line, the values memos gave for its text (and for its key), by memo id. A line the next version keeps keeps
   * its slots too: they hold pure functions of the same text, so both versions may fill them.
   */
  private readonly textSlots: (unknown[] | undefined)[];
  private readonly keySlots: (unknown[] | undefined)[];

  /**
   * How many characters at the start and at the end of the text are those of the version it was built from (none
   * without one): whatever reads only there reads what it read in that version.
   */
  readonly sameAsPrevious: { readonly prefix: number; readonly suffix: number };

  /** `unchanged`, when given, is what `unchangedLines(previous, text)` returns, worked out beforehand. */
  constructor(readonly text: string, previous?: ArticleText, unchanged: UnchangedText = previous ? unchangedLines(previous, text) : { before: 0, after: 0, prefix: 0, suffix: 0 }) {
    this.sameAsPrevious = { prefix: unchanged.prefix, suffix: unchanged.suffix };
    this.lines = previous ? new LineIndex(text, previous.lines, unchanged) : new LineIndex(text);
    // One slot per line, so the engine keeps the arrays compact whatever line is read first; an unchanged line's
    // slots are copied in two slices around the edit.
    const { before, after } = unchanged;
    const changed = this.lines.lineCount - before - after;
    const earlierAfter = (previous?.lineCount ?? 0) - after;
    const carried = <T>(earlier: readonly (T | undefined)[] | undefined): (T | undefined)[] => {
      if (!earlier) return new Array<T | undefined>(this.lines.lineCount).fill(undefined);
      if (changed < 0) return Array.from({ length: this.lines.lineCount }, (_, line) => (line < before ? earlier[line] : earlier[line - this.lines.lineCount + earlierAfter + after]));
      return earlier.slice(0, before).concat(new Array<T | undefined>(changed).fill(undefined), earlier.slice(earlierAfter));
    };
    this.texts = carried(previous?.texts);
    this.keys = carried(previous?.keys);
    this.textSlots = carried(previous?.textSlots);
    this.keySlots = carried(previous?.keySlots);
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
    // One string per line, the copy the memos key on (`intern`): a lookup finds it by identity, and a later version
    // that keeps the line does not keep this whole text alive.
    let text = this.texts[index];
    if (text === undefined) {
      text = intern(this.lines.lineText(index));
      this.texts[index] = text;
    }
    return text;
  }

  /** The line as matching sees it: folded, bullets dropped, whitespace collapsed and trimmed. */
  lineKey(index: number): string {
    let key = this.keys[index];
    if (key === undefined) {
      key = toLineKey(this.lineText(index));
      this.keys[index] = key;
    }
    return key;
  }

  /**
   * A memo's value for a line's text, kept by line: the next version, built from this one, has it for every line
   * its edit left alone without looking the text up again.
   */
  lineValue<T>(memo: LineMemo<T>, line: number): T {
    return this.slotValue(this.textSlots, memo, line, false);
  }

  /** A memo's value for a line's key, kept by line like `lineValue`. */
  keyValue<T>(memo: LineMemo<T>, line: number): T {
    return this.slotValue(this.keySlots, memo, line, true);
  }

  /**
   * A context memo's value for a line's key, kept by line with its context: the next version has it for every
   * unchanged line, as long as the context is the same.
   */
  contextValue<T>(memo: ContextMemo<T>, line: number, owner: object, stamp: string, compute: (key: string) => T): T {
    const slot = slotOf(this.keySlots, line);
    const kept = slot[memo.slot] as InContext<T> | undefined;
    if (kept && kept.owner === owner && kept.stamp === stamp) return kept.value;
    const value = memo.get(this.lineKey(line), owner, stamp, compute);
    slot[memo.slot] = { owner, stamp, value } satisfies InContext<T>;
    return value;
  }

  /** `place` of a memo's value for a line and of where the line starts, kept by line while it starts there. */
  placedValue<T, P>(memo: LineMemo<T>, placed: PlacedSlot, line: number, place: (value: T, lineStart: number) => P): P {
    const slot = slotOf(this.textSlots, line);
    const start = this.lines.line(line).start;
    const kept = slot[placed.slot] as Placed<P> | undefined;
    if (kept && kept.start === start) return kept.value;
    const value = place(this.lineValue(memo, line), start);
    slot[placed.slot] = { start, value } satisfies Placed<P>;
    return value;
  }

  private slotValue<T>(slots: (unknown[] | undefined)[], memo: LineMemo<T>, line: number, ofKey: boolean): T {
    const slot = slotOf(slots, line);
    let value = slot[memo.slot] as T | undefined;
    if (value === undefined) {
      value = memo.get(ofKey ? this.lineKey(line) : this.lineText(line));
      slot[memo.slot] = value;
    }
    return value;
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

interface Placed<T> {
  readonly start: number;
  readonly value: T;
}

interface InContext<T> {
  readonly owner: object;
  readonly stamp: string;
  readonly value: T;
}

function slotOf(slots: (unknown[] | undefined)[], line: number): unknown[] {
  let slot = slots[line];
  if (!slot) {
    slot = [];
    slots[line] = slot;
  }
  return slot;
}

/** The unchanged lines, and how many characters at the start and at the end the two texts share (not overlapping). */
export interface UnchangedText extends UnchangedLines {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * How many lines at the start and at the end of `text` are the lines of `previous`, with the same line breaks:
 * those before the first character that differs, and those after the last one (the break before them included).
 */
export function unchangedLines(previous: ArticleText, text: string): UnchangedText {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  if (prefix === old.length && prefix === text.length) return { before: previous.lineCount - 1, after: 1, prefix, suffix: 0 };
  // The line holding the character before the first difference may have lost or gained its break.
  const before = prefix === 0 ? 0 : previous.lines.lineAt(prefix - 1);
  // A line after the last difference is kept when the break before it is unchanged too.
  const firstAfter = previous.lines.lineAt(old.length - suffix) + 1;
  return { before, after: Math.max(0, previous.lineCount - firstAfter), prefix, suffix };
}

/** Characters compared at once while looking for the first difference; narrowed down by halves once found. */
const CHUNK = 1 << 15;

/** The length of the longest common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  let step = CHUNK;
  while (at < max) {
    const n = Math.min(step, max - at);
    if (a.slice(at, at + n) === b.slice(at, at + n)) at += n;
    else if (n === 1) return at;
    else step = n >> 1;
  }
  return at;
}

/** The length of the longest common suffix of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let length = 0;
  let step = CHUNK;
  while (length < max) {
    const n = Math.min(step, max - length);
    if (a.slice(a.length - length - n, a.length - length) === b.slice(b.length - length - n, b.length - length)) length += n;
    else if (n === 1) return length;
    else step = n >> 1;
  }
  return length;
}

// Keys are shared copies too: the memos keyed by line keys then find them by identity.
const lineKeys = new LineMemo((line: string) => {
  const folded = foldLine(line);
  // Most lines space their words with single spaces, which the collapse would copy unchanged.
  const spaced = SPACE_TO_COLLAPSE.test(folded) || folded.includes('  ') ? folded.replace(SPACES, ' ') : folded;
  return internMadeFromLine(spaced.replace(BULLETS, '').trim());
});

/** Folds a line for matching: NFC, lower case, leading bullets dropped, whitespace collapsed. */
export function toLineKey(line: string): string {
  return lineKeys.get(line);
}
