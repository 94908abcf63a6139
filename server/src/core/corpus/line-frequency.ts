import { toLineKey } from '../text/article-text';

/** Lines longer than this are never counted: recurrence is evidence for short chrome lines. */
export const MAX_RECURRING_LINE = 160;

/** How many files of the corpus hold a line, and a few of them. */
export interface RecurrenceIndex {
  readonly fileCount: number;
  /** Number of files holding the line key. */
  filesWith(key: string): number;
  /** Up to `limit` files holding the line key, other than `except`. */
  sampleFiles(key: string, except: string | undefined, limit: number): string[];
}

/** 32-bit FNV-1a hash of a line key; the index stores hashes, not text, to stay small at 100,000 files. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The distinct hashes of a text's countable lines (non-blank, short). */
export function lineHashes(text: string): Uint32Array {
  const seen = new Set<number>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i - start <= MAX_RECURRING_LINE * 2) {
      const key = toLineKey(text.slice(start, i));
      if (key !== '' && key.length <= MAX_RECURRING_LINE) seen.add(hashKey(key));
    }
    start = i + 1;
  }
  return Uint32Array.from(seen);
}

const SAMPLES_KEPT = 4;

/** Document frequencies of line hashes over a set of files, updatable file by file. */
export class LineFrequencyIndex implements RecurrenceIndex {
  private readonly counts = new Map<number, number>();
  private readonly samples = new Map<number, string[]>();
  private readonly byFile = new Map<string, Uint32Array>();

  /** Number of indexed files. */
  get fileCount(): number {
    return this.byFile.size;
  }

  /** Adds or replaces a file's lines. */
  setFile(file: string, hashes: Uint32Array): void {
    this.removeFile(file);
    this.byFile.set(file, hashes);
    for (const h of hashes) {
      this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
      const list = this.samples.get(h);
      if (!list) this.samples.set(h, [file]);
      else if (list.length < SAMPLES_KEPT) list.push(file);
    }
  }

  /** Removes a file's lines. */
  removeFile(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    for (const h of old) {
      const n = (this.counts.get(h) ?? 1) - 1;
      if (n <= 0) {
        this.counts.delete(h);
        this.samples.delete(h);
      } else {
        this.counts.set(h, n);
        const list = this.samples.get(h);
        if (list?.includes(file)) list.splice(list.indexOf(file), 1);
      }
    }
  }

  /** The indexed files and their hashes, for persisting. */
  entries(): IterableIterator<[string, Uint32Array]> {
    return this.byFile.entries();
  }

  /** True when the file is indexed. */
  has(file: string): boolean {
    return this.byFile.has(file);
  }

  filesWith(key: string): number {
    return this.counts.get(hashKey(key)) ?? 0;
  }

  sampleFiles(key: string, except: string | undefined, limit: number): string[] {
    return (this.samples.get(hashKey(key)) ?? []).filter((f) => f !== except).slice(0, limit);
  }
}
