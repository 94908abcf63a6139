import { toLineKey } from '../text/article-text';
import { HashCounts } from './hash-counts';
import { PathIds } from './path-ids';
import type { LineSets } from './site-profiles';

/** Lines longer than this are never counted: recurrence is evidence for short chrome lines. */
export const MAX_RECURRING_LINE = 160;

/** How many files of the corpus hold a line, and a few of them. */
export interface RecurrenceIndex {
  readonly fileCount: number;
  /** Changes whenever a count or a sample may have changed, so results read from the index can be kept until then. */
  readonly revision: number;
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

/** Whether a line of this many code units may be counted: longer ones are never short enough once keyed. */
export function isCountedLength(length: number): boolean {
  return length <= MAX_RECURRING_LINE * 2;
}

/** Whether a line with this key is counted: non-blank and short. */
export function isCountedKey(key: string): boolean {
  return key !== '' && key.length <= MAX_RECURRING_LINE;
}

/** The distinct hashes of a text's countable lines (non-blank, short). */
export function lineHashes(text: string): Uint32Array {
  const seen = new Set<number>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (isCountedLength(i - start)) {
      const key = toLineKey(text.slice(start, i));
      if (isCountedKey(key)) seen.add(hashKey(key));
    }
    start = i + 1;
  }
  return Uint32Array.from(seen);
}

const SAMPLES_KEPT = 4;

/**
 * Document frequencies of line hashes over a set of files, updatable file by file.
 * Files are numbered in the order they were set (a file set again takes a new number, so `entries` lists files in
 * the order of their last `setFile`); their hashes lie end to end in one typed array, the counts and each line's
 * first sample in a `HashCounts`, and only lines held by two files or more keep more samples in a `Map`.
 */
export class LineFrequencyIndex implements RecurrenceIndex, LineSets {
  private readonly counts = new HashCounts();
  /** The second to fourth samples of a line, by hash. */
  private readonly moreSamples = new Map<number, number[]>();
  private paths: (string | undefined)[] = [];
  private readonly ids = new PathIds((id) => this.paths[id]);
  private starts = new Uint32Array(64);
  private lengths = new Int32Array(64);
  private pool = new Uint32Array(256);
  private poolUsed = 0;
  /** Hashes of files still indexed; the rest of `poolUsed` belongs to files replaced or removed. */
  private poolLive = 0;
  private changes = 0;

  get revision(): number {
    return this.changes;
  }

  /** Number of indexed files. */
  get fileCount(): number {
    return this.ids.size;
  }

  /** Adds or replaces a file's lines. */
  setFile(file: string, hashes: Uint32Array): void {
    this.removeFile(file);
    this.changes++;
    const id = this.paths.length;
    this.paths.push(file);
    this.ids.add(file, id);
    this.store(id, hashes);
    for (const h of hashes) {
      if (this.counts.increment(h, id) === 1) continue;
      if (this.counts.firstOf(h) < 0) {
        this.counts.setFirst(h, id);
        continue;
      }
      const more = this.moreSamples.get(h);
      if (!more) this.moreSamples.set(h, [id]);
      else if (more.length < SAMPLES_KEPT - 1) more.push(id);
    }
  }

  /** Removes a file's lines. */
  removeFile(file: string): void {
    const id = this.ids.get(file);
    if (id < 0) return;
    this.changes++;
    const old = this.hashesAt(id);
    this.ids.delete(file);
    this.paths[id] = undefined;
    this.poolLive -= old.length;
    this.lengths[id] = -1;
    for (const h of old) {
      const more = this.moreSamples.get(h);
      if (this.counts.decrement(h) === 0) {
        this.moreSamples.delete(h);
        continue;
      }
      if (this.counts.firstOf(h) === id) this.counts.setFirst(h, more?.shift() ?? -1);
      else if (more?.includes(id)) more.splice(more.indexOf(id), 1);
      if (more?.length === 0) this.moreSamples.delete(h);
    }
  }

  /** The indexed files and their hashes, for persisting. */
  *entries(): IterableIterator<[string, Uint32Array]> {
    for (let id = 0; id < this.paths.length; id++) {
      const file = this.paths[id];
      if (file !== undefined) yield [file, this.hashesAt(id)];
    }
  }

  /** The indexed files, in the order of `entries`. */
  *files(): IterableIterator<string> {
    for (const file of this.paths) if (file !== undefined) yield file;
  }

  /** True when the file is indexed. */
  has(file: string): boolean {
    return this.ids.get(file) >= 0;
  }

  /** The file's hashes, empty when it is not indexed. */
  hashesOf(file: string): Uint32Array {
    const id = this.ids.get(file);
    return id < 0 ? new Uint32Array() : this.hashesAt(id);
  }

  /** Number of files holding the line hash. */
  filesWithHash(hash: number): number {
    return this.counts.countOf(hash);
  }

  filesWith(key: string): number {
    return this.counts.countOf(hashKey(key));
  }

  sampleFiles(key: string, except: string | undefined, limit: number): string[] {
    const h = hashKey(key);
    const first = this.counts.firstOf(h);
    const ids = first < 0 ? [] : [first, ...(this.moreSamples.get(h) ?? [])];
    return ids.map((id) => this.paths[id] ?? '').filter((f) => f !== except).slice(0, limit);
  }

  private hashesAt(id: number): Uint32Array {
    const start = this.starts[id] ?? 0;
    return this.pool.subarray(start, start + Math.max(0, this.lengths[id] ?? 0));
  }

  private store(id: number, hashes: Uint32Array): void {
    if (id >= this.starts.length) {
      this.starts = grown(this.starts, id + 1);
      this.lengths = grown(this.lengths, id + 1);
    }
    if (this.poolUsed + hashes.length > this.pool.length) {
      if (this.poolLive * 2 < this.poolUsed) this.compact();
      if (this.poolUsed + hashes.length > this.pool.length) this.pool = grown(this.pool, this.poolUsed + hashes.length);
    }
    this.pool.set(hashes, this.poolUsed);
    this.starts[id] = this.poolUsed;
    this.lengths[id] = hashes.length;
    this.poolUsed += hashes.length;
    this.poolLive += hashes.length;
  }

  /** Moves the hashes of indexed files together into a new array (views handed out before keep the old one). */
  private compact(): void {
    const pool = new Uint32Array(this.pool.length);
    let used = 0;
    for (let id = 0; id < this.paths.length; id++) {
      if (this.paths[id] === undefined) continue;
      const hashes = this.hashesAt(id);
      pool.set(hashes, used);
      this.starts[id] = used;
      used += hashes.length;
    }
    this.pool = pool;
    this.poolUsed = used;
  }
}

/** A copy of a typed array with room for at least `needed` elements (doubling). */
function grown<T extends Uint32Array | Int32Array>(array: T, needed: number): T {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const copy = new (array.constructor as new (n: number) => T)(length);
  copy.set(array);
  return copy;
}
