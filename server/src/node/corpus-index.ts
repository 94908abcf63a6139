import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineFrequencyIndex, lineHashes } from '../core/corpus/line-frequency';
import { readText } from './read-text';
import { nextTurn } from './scheduler';

/** What one indexed file contributed, with the stat that tells whether it changed. */
interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  /** The file's line hashes, as base64 of their bytes. */
  readonly hashes: string;
}

/**
 * The cache is JSON Lines: this header, then one `[path, mtimeMs, size, hashes]` array per file, so it is read and
 * written a line at a time and never held whole. A file without this exact first line (an older format) is ignored.
 */
const CACHE_HEADER = '{"version":2}\n';

/** Progress of an indexing run. */
export interface IndexProgress {
  readonly done: number;
  readonly total: number;
  readonly fromCache: number;
}

/** Where a workspace's index cache lives when the editor gives no storage folder. */
export function defaultCacheFile(root: string, cacheDir: string | undefined): string {
  const id = crypto.createHash('sha1').update(root).digest('hex').slice(0, 12);
  return path.join(cacheDir ?? path.join(os.tmpdir(), 'vn-corpus-index'), `index-${id}.json`);
}

/**
 * Builds a line-frequency index over files, reusing the cached hashes of files whose size and mtime are unchanged.
 * Yields to the event loop every few files; stops early (returning undefined) when `isCancelled` says so.
 * `onText` receives the text of every file it had to read, so a caller can keep it instead of reading it again.
 */
export async function buildIndex(
  files: readonly string[],
  cacheFile: string | undefined,
  isCancelled: () => boolean,
  onProgress: (p: IndexProgress) => void,
  onText: (file: string, text: string) => void = () => undefined,
): Promise<LineFrequencyIndex | undefined> {
  const cache = cacheFile ? readCache(cacheFile) : new Map<string, CachedFile>();
  const index = new LineFrequencyIndex();
  const writer = cacheFile ? CacheWriter.open(cacheFile) : undefined;
  let fromCache = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i] ?? '';
      if (i % 64 === 0) {
        await nextTurn();
        if (isCancelled()) return undefined;
        onProgress({ done: i, total: files.length, fromCache });
      }
      const cached = cache.get(file);
      const entry = indexOne(file, cached, onText);
      if (!entry) continue;
      if (entry === cached) fromCache++;
      writer?.add(file, entry);
      index.setFile(file, decode(entry.hashes));
    }
    onProgress({ done: files.length, total: files.length, fromCache });
    writer?.commit();
    return index;
  } finally {
    writer?.discard();
  }
}

/** Re-reads one file into the index (after a change on disk); removes it when it is gone or unreadable. */
export function updateIndexedFile(index: LineFrequencyIndex, file: string): void {
  const entry = indexOne(file, undefined, () => undefined);
  if (entry) index.setFile(file, decode(entry.hashes));
  else index.removeFile(file);
}

function indexOne(file: string, cached: CachedFile | undefined, onText: (file: string, text: string) => void): CachedFile | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const read = readText(file, stat.size);
  if ('problem' in read) return undefined;
  onText(file, read.text);
  return { mtimeMs: stat.mtimeMs, size: stat.size, hashes: encode(lineHashes(read.text)) };
}

function encode(hashes: Uint32Array): string {
  return Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength).toString('base64');
}

function decode(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Uint32Array(copy.buffer);
}

/** The cached entries by path; empty when the file is missing, damaged or of another format. */
function readCache(file: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return entries;
  }
  try {
    let first = true;
    for (const line of linesOf(fd)) {
      if (first) {
        if (`${line}\n` !== CACHE_HEADER) return entries;
        first = false;
        continue;
      }
      const entry = parseEntry(line);
      if (entry) entries.set(entry[0], entry[1]);
    }
  } catch {
    // A cache that cannot be read is no cache; what was read of it still matches files by their stat.
  } finally {
    fs.closeSync(fd);
  }
  return entries;
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

function parseEntry(line: string): [string, CachedFile] | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [file, mtimeMs, size, hashes] = value as unknown[];
    if (typeof file !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof hashes !== 'string') return undefined;
    return [file, { mtimeMs, size, hashes }];
  } catch {
    return undefined;
  }
}

const CHUNK_BYTES = 1024 * 1024;

/** Numbers the temporary files, so two builds under way in one process never write the same one. */
let writers = 0;

/** Writes a cache a few hundred entries at a time to a temporary file, renamed over the cache once complete. */
class CacheWriter {
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

  add(file: string, entry: CachedFile): void {
    if (this.fd === undefined) return;
    this.pending += `${JSON.stringify([file, entry.mtimeMs, entry.size, entry.hashes])}\n`;
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
