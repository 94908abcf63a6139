import * as fs from 'node:fs';
import * as path from 'node:path';
import { PathIds } from '../core/corpus/path-ids';
import { nextTurn } from './scheduler';

/**
 * The cache is JSON Lines: this header, then one `[path, mtimeMs, size, hashes]` array per file (hashes as base64
 * of their bytes), so it is read and written a line at a time and never held whole. A file without this exact
 * first line (an older format) is ignored.
 */
const CACHE_HEADER = '{"version":2}\n';

/** What one indexed file contributed, with the stat that tells whether it changed. */
export interface IndexedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly hashes: Uint32Array;
}

/**
 * The cached entries of the files an index is built over, by their place in that list: stats in typed arrays and
 * all hashes end to end in one, so a million entries take tens of megabytes. A cached path not in the list is
 * never kept, and no path is kept at all: the list's own strings serve for the lookup.
 */
export class CachedFiles {
  private readonly mtimes: Float64Array;
  private readonly sizes: Float64Array;
  private readonly starts: Uint32Array;
  private readonly lengths: Uint32Array;
  private pool = new Uint32Array(1024);
  private used = 0;

  private constructor(count: number) {
    this.mtimes = new Float64Array(count).fill(Number.NaN);
    this.sizes = new Float64Array(count);
    this.starts = new Uint32Array(count);
    this.lengths = new Uint32Array(count);
  }

  /** No cached entries. */
  static empty(): CachedFiles {
    return new CachedFiles(0);
  }

  /**
   * The entries of `cacheFile` for `files`; none when the file is missing, damaged or of another format. Yields to
   * the event loop every few hundred entries, and stops (with what it read) when `isCancelled` says so.
   */
  static async read(cacheFile: string, files: readonly string[], isCancelled: () => boolean): Promise<CachedFiles> {
    let fd: number;
    try {
      fd = fs.openSync(cacheFile, 'r');
    } catch {
      return CachedFiles.empty();
    }
    const cached = new CachedFiles(files.length);
    try {
      const lines = linesOf(fd);
      if (`${lines.next().value ?? ''}\n` !== CACHE_HEADER) return CachedFiles.empty();
      const ids = new PathIds((id) => files[id]);
      for (let id = 0; id < files.length; id++) {
        const file = files[id] ?? '';
        if (ids.get(file) < 0) ids.add(file, id);
        if (id % (LINES_PER_TURN * 16) === 0) await nextTurn();
      }
      let read = 0;
      for (const line of lines) {
        cached.addLine(line, ids);
        if (++read % LINES_PER_TURN === 0) {
          await nextTurn();
          if (isCancelled()) break;
        }
      }
    } catch {
      // A cache that cannot be read is no cache; what was read of it still matches files by their stat.
    } finally {
      fs.closeSync(fd);
    }
    return cached;
  }

  /** The cached hashes of `files[id]` when its stat is the one cached, else undefined. */
  hashesIfUnchanged(id: number, stat: { readonly mtimeMs: number; readonly size: number }): Uint32Array | undefined {
    if (id >= this.mtimes.length || this.mtimes[id] !== stat.mtimeMs || this.sizes[id] !== stat.size) return undefined;
    const start = this.starts[id] ?? 0;
    return this.pool.subarray(start, start + (this.lengths[id] ?? 0));
  }

  private addLine(line: string, ids: PathIds): void {
    const entry = parseEntry(line);
    if (!entry) return;
    const id = ids.get(entry.file);
    if (id < 0) return;
    const bytes = Buffer.from(entry.hashes, 'base64');
    const count = Math.floor(bytes.length / 4);
    if (this.used + count > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.pool.length * 2, this.used + count));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    for (let i = 0; i < count; i++) this.pool[this.used + i] = bytes.readUInt32LE(i * 4);
    this.mtimes[id] = entry.mtimeMs;
    this.sizes[id] = entry.size;
    this.starts[id] = this.used;
    this.lengths[id] = count;
    this.used += count;
  }
}

/** The hashes' bytes as the cache stores them (little-endian, as `CachedFiles` reads them). */
function encodeHashes(hashes: Uint32Array): string {
  const bytes = Buffer.alloc(hashes.length * 4);
  for (let i = 0; i < hashes.length; i++) bytes.writeUInt32LE(hashes[i] ?? 0, i * 4);
  return bytes.toString('base64');
}

function parseEntry(line: string): { file: string; mtimeMs: number; size: number; hashes: string } | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [file, mtimeMs, size, hashes] = value as unknown[];
    if (typeof file !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof hashes !== 'string') return undefined;
    return { file, mtimeMs, size, hashes };
  } catch {
    return undefined;
  }
}

/** The lines of an open file, read in chunks. */
function* linesOf(fd: number): Generator<string> {
  const chunk = Buffer.alloc(CHUNK_BYTES);
  let rest = Buffer.alloc(0);
  for (;;) {
    const read = fs.readSync(fd, chunk, 0, chunk.length, null);
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk.subarray(0, read);
    let from = 0;
    for (let nl = bytes.indexOf(10, from); nl !== -1; nl = bytes.indexOf(10, from)) {
      yield bytes.toString('utf8', from, nl);
      from = nl + 1;
    }
    rest = Buffer.from(bytes.subarray(from));
    if (read === 0) break;
  }
  if (rest.length > 0) yield rest.toString('utf8');
}

const CHUNK_BYTES = 1024 * 1024;

/** Cache entries read between two yields to the event loop (a few milliseconds' work). */
const LINES_PER_TURN = 512;

/** Numbers the temporary files, so two builds under way in one process never write the same one. */
let writers = 0;

/** Writes a cache a few hundred entries at a time to a temporary file, renamed over the cache once complete. */
export class CacheWriter {
  private pending = '';
  private done = false;

  private constructor(private readonly file: string, private readonly tmp: string, private fd: number | undefined) {}

  /** A writer for this cache file; one that cannot write only costs a rescan next time. */
  static open(file: string): CacheWriter {
    const tmp = `${file}.${process.pid}-${++writers}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const writer = new CacheWriter(file, tmp, fs.openSync(tmp, 'w'));
      writer.pending = CACHE_HEADER;
      return writer;
    } catch {
      return new CacheWriter(file, tmp, undefined);
    }
  }

  add(file: string, entry: IndexedFile): void {
    if (this.fd === undefined) return;
    this.pending += `${JSON.stringify([file, entry.mtimeMs, entry.size, encodeHashes(entry.hashes)])}\n`;
    if (this.pending.length >= CHUNK_BYTES) this.flush();
  }

  /** Completes the cache file. */
  commit(): void {
    this.flush();
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
      this.fd = undefined;
      fs.renameSync(this.tmp, this.file);
      this.done = true;
    } catch {
      // Left to `discard`.
    }
  }

  /** Removes the temporary file of a cache not completed (a cancelled run, a failed write). */
  discard(): void {
    if (this.done) return;
    this.done = true;
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
      fs.rmSync(this.tmp, { force: true });
    } catch {
      // Nothing more to do about a temporary file that cannot be removed.
    }
  }

  private flush(): void {
    if (this.fd === undefined || this.pending === '') return;
    try {
      fs.writeSync(this.fd, this.pending);
    } catch {
      this.discard();
    }
    this.pending = '';
  }
}
