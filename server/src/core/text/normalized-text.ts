import type { Span } from '../types';
import { LineMemo } from './memo';

const COMBINING_MARK = /\p{M}/u;

/**
 * An NFC, lower-cased copy of a text with a map from each of its offsets back to the original.
 * Matching runs on `text`; spans found there go back through `toOriginal` before they leave core.
 */
export class NormalizedText {
  /** The folded text: NFC and lower case (Vietnamese rules). */
  readonly text: string;
  /** Original start offset of each folded code unit; absent when the fold kept every offset. */
  private readonly origins: Int32Array | undefined;

  /**
   * With `lowerCase: false` the view is NFC only, keeping capitals (names and titles need them). `line: true` says
   * the text is a document's line, whose fold is then found in (or added to) the memo `foldLine` reads.
   */
  constructor(readonly original: string, options: { readonly lowerCase?: boolean; readonly line?: boolean } = {}) {
    const lowerCase = options.lowerCase !== false;
    const known = lowerCase && options.line ? lineFolds.get(original) : undefined;
    const marks = known?.marks ?? hasCombiningMark(original);
    const convert = lowerCase ? fold : toNfc;
    const folded = known?.folded ?? (marks ? convert(original) : lowerCase ? original.toLowerCase() : original);
    if (folded.length === original.length && !marks) {
      this.text = folded;
      this.origins = undefined;
    } else {
      const built = foldWithMap(original, convert);
      this.text = built.text;
      this.origins = built.origins;
    }
  }

  /** Maps a span of the folded text back to the original, widening to whole clusters. */
  toOriginal(span: Span): Span {
    if (!this.origins) return span;
    const start = this.originOf(span.start);
    const end = span.end <= span.start ? start : this.endOriginOf(span.end - 1);
    return { start, end };
  }

  /** Maps an original offset into the folded text (the first folded unit at or after it). */
  fromOriginal(offset: number): number {
    if (!this.origins) return offset;
    let lo = 0;
    let hi = this.origins.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.origins[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private originOf(index: number): number {
    if (!this.origins) return index;
    if (index >= this.origins.length) return this.original.length;
    return this.origins[index] ?? this.original.length;
  }

  /** The original end of the cluster that produced the folded unit at `index`. */
  private endOriginOf(index: number): number {
    if (!this.origins) return index + 1;
    const origin = this.originOf(index);
    let next = index + 1;
    while (next < this.origins.length && this.origins[next] === origin) next++;
    return this.originOf(next);
  }
}

// The combining diacritical marks blocks; a regular expression scans a string faster than a loop over its code units.
const DIACRITIC_BLOCKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/u;

/** True when the text holds a combining mark, the only thing NFC changes in Vietnamese text. */
export function hasCombiningMark(text: string): boolean {
  return DIACRITIC_BLOCKS.test(text);
}

/**
 * NFC and lower case of a string, the fold matching uses. Vietnamese has no locale-specific case rules,
 * so the plain (faster) `toLowerCase` is exact; NFC is skipped when no combining mark is present.
 */
export function fold(text: string): string {
  return foldKnowingMarks(text, hasCombiningMark(text));
}

/** `fold` of a text already scanned for combining marks. */
function foldKnowingMarks(text: string, marks: boolean): string {
  return (marks ? text.normalize('NFC') : text).toLowerCase();
}

/** A line's fold, and whether it holds a combining mark (so NFC may change it). */
interface LineFold {
  readonly folded: string;
  readonly marks: boolean;
}

/**
 * Several phases fold each line of an analysis; the fold of a line is made once, with its mark scan. The phases
 * keep what they make of it in memos of their own, so this one only has to outlast an analysis: it keeps fewer lines.
 */
const lineFolds = new LineMemo((line: string): LineFold => {
  const marks = hasCombiningMark(line);
  return { folded: foldKnowingMarks(line, marks), marks };
}, 50_000);

/** `fold` of a document's line, made once per line text: only for lines, which the memo keeps while it can. */
export function foldLine(line: string): string {
  return lineFolds.get(line).folded;
}

function toNfc(text: string): string {
  return hasCombiningMark(text) ? text.normalize('NFC') : text;
}

function foldWithMap(original: string, convert: (text: string) => string): { text: string; origins: Int32Array } {
  const parts: string[] = [];
  const origins: number[] = [];
  let i = 0;
  while (i < original.length) {
    const clusterStart = i;
    i += codePointLength(original, i);
    while (i < original.length && COMBINING_MARK.test(original[i] ?? '')) i += codePointLength(original, i);
    const folded = convert(original.slice(clusterStart, i));
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) origins.push(clusterStart);
  }
  return { text: parts.join(''), origins: Int32Array.from(origins) };
}

function codePointLength(text: string, index: number): number {
  const c = text.charCodeAt(index);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(index + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
