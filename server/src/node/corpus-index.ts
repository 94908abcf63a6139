import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineFrequencyIndex, lineHashes } from '../core/corpus/line-frequency';
import { CachedFiles, CacheWriter } from './index-cache';
import { readText } from './read-text';
import { nextTurn } from './scheduler';

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

/** A file the index has to read, with the size its stat gave. */
export interface FileToHash {
  readonly file: string;
  readonly size: number;
}

/** A file read and hashed for the index, with its text when asked for, or why it cannot be read. */
export type HashedFile = { readonly hashes: Uint32Array; readonly text?: string } | { readonly problem: string };

/** Reads and hashes files, answering in their order, as `hashFile` does each: e.g. on an analysis pool's threads. */
export type HashFiles = (files: readonly FileToHash[]) => AsyncIterable<HashedFile>;

/** Reads one file and hashes its lines for the index; the text comes too when `withText`. */
export function hashFile(file: FileToHash, withText: boolean): HashedFile {
  const read = readText(file.file, file.size);
  if ('problem' in read) return read;
  const hashes = lineHashes(read.text);
  return withText ? { hashes, text: read.text } : { hashes };
}

/** Files looked up, read and hashed in this thread between two turns of the event loop. */
const FILES_PER_TURN = 64;

/**
 * Files planned at once: each one's stat and cached hashes are looked up, then those the cache lacks are read and
 * hashed together (on several threads when `hashFiles` shares them out) and applied to the index in order.
 */
const CHUNK_FILES = 4096;

interface Planned {
  readonly file: string;
  readonly stat: fs.Stats;
  readonly cached: Uint32Array | undefined;
}

/**
 * Builds a line-frequency index over files, reusing the cached hashes of files whose size and mtime are unchanged.
 * Yields to the event loop every few files; stops early (returning undefined) when `isCancelled` says so.
 * `onText` receives the text of every file it had to read, so a caller can keep it instead of reading it again.
 * The files the cache lacks are read here, or by `hashFiles` when given; the index is the same either way.
 */
export async function buildIndex(
  files: readonly string[],
  cacheFile: string | undefined,
  isCancelled: () => boolean,
  onProgress: (p: IndexProgress) => void,
  onText: (file: string, text: string) => void = () => undefined,
  hashFiles?: HashFiles,
): Promise<LineFrequencyIndex | undefined> {
  const cache = cacheFile ? await CachedFiles.read(cacheFile, files, isCancelled) : CachedFiles.empty();
  if (isCancelled()) return undefined;
  const index = new LineFrequencyIndex();
  const writer = cacheFile ? CacheWriter.open(cacheFile) : undefined;
  let fromCache = 0;
  // In this thread each file is read right after its stat, which the file system then answers faster.
  const chunkFiles = hashFiles ? CHUNK_FILES : 1;
  try {
    for (let from = 0; from < files.length; from += chunkFiles) {
      const planned: Planned[] = [];
      const toHash: FileToHash[] = [];
      for (let i = from; i < Math.min(files.length, from + chunkFiles); i++) {
        if (i % FILES_PER_TURN === FILES_PER_TURN - 1) {
          await nextTurn();
          if (isCancelled()) return undefined;
          onProgress({ done: i, total: files.length, fromCache });
        }
        const file = files[i] ?? '';
        const stat = statOrUndefined(file);
        if (!stat) continue;
        const cached = cache.hashesIfUnchanged(i, stat);
        planned.push({ file, stat, cached });
        if (!cached) toHash.push({ file, size: stat.size });
      }
      const hashed = hashFiles?.(toHash)[Symbol.asyncIterator]();
      try {
        for (const p of planned) {
          let hashes = p.cached;
          if (hashes) fromCache++;
          else {
            const result = hashed ? await nextOf(hashed) : hashFile({ file: p.file, size: p.stat.size }, true);
            if ('problem' in result) continue;
            if (result.text !== undefined) onText(p.file, result.text);
            hashes = result.hashes;
          }
          writer?.add(p.file, { mtimeMs: p.stat.mtimeMs, size: p.stat.size, hashes });
          index.setFile(p.file, hashes);
        }
      } finally {
        if (hashed) await hashed.return?.();
      }
      if (isCancelled()) return undefined;
    }
    onProgress({ done: files.length, total: files.length, fromCache });
    writer?.commit();
    return index;
  } finally {
    writer?.discard();
  }
}

async function nextOf(hashed: AsyncIterator<HashedFile>): Promise<HashedFile> {
  const next = await hashed.next();
  if (next.done) throw new Error("the index's reader answered fewer files than it was given");
  return next.value;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Re-reads one file into the index (after a change on disk); removes it when it is gone or unreadable. */
export function updateIndexedFile(index: LineFrequencyIndex, file: string): void {
  const stat = statOrUndefined(file);
  const hashed = stat ? hashFile({ file, size: stat.size }, false) : undefined;
  if (hashed && 'hashes' in hashed) index.setFile(file, hashed.hashes);
  else index.removeFile(file);
}
