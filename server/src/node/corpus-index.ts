import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineFrequencyIndex, lineHashes } from '../core/corpus/line-frequency';
import { CachedFiles, CacheWriter, type IndexedFile } from './index-cache';
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
  const cache = cacheFile ? await CachedFiles.read(cacheFile, files, isCancelled) : CachedFiles.empty();
  if (isCancelled()) return undefined;
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
      const entry = indexOne(file, (stat) => cache.hashesIfUnchanged(i, stat), onText);
      if (!entry) continue;
      if (entry.fromCache) fromCache++;
      writer?.add(file, entry);
      index.setFile(file, entry.hashes);
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
  const entry = indexOne(file, () => undefined, () => undefined);
  if (entry) index.setFile(file, entry.hashes);
  else index.removeFile(file);
}

/** The file's stat and line hashes, from `cachedHashes` when it has them for that stat; undefined when unreadable. */
function indexOne(
  file: string,
  cachedHashes: (stat: fs.Stats) => Uint32Array | undefined,
  onText: (file: string, text: string) => void,
): (IndexedFile & { readonly fromCache: boolean }) | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const cached = cachedHashes(stat);
  if (cached) return { mtimeMs: stat.mtimeMs, size: stat.size, hashes: cached, fromCache: true };
  const read = readText(file, stat.size);
  if ('problem' in read) return undefined;
  onText(file, read.text);
  return { mtimeMs: stat.mtimeMs, size: stat.size, hashes: lineHashes(read.text), fromCache: false };
}
