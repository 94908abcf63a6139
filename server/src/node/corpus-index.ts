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
  readonly hashes: string;
}

interface CacheFile {
  readonly version: 1;
  readonly files: Record<string, CachedFile>;
}

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
  const cache = cacheFile ? readCache(cacheFile) : {};
  const index = new LineFrequencyIndex();
  const fresh: Record<string, CachedFile> = {};
  let fromCache = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] ?? '';
    if (i % 64 === 0) {
      await nextTurn();
      if (isCancelled()) return undefined;
      onProgress({ done: i, total: files.length, fromCache });
    }
    const entry = indexOne(file, cache[file], onText);
    if (!entry) continue;
    if (entry === cache[file]) fromCache++;
    fresh[file] = entry;
    index.setFile(file, decode(entry.hashes));
  }
  onProgress({ done: files.length, total: files.length, fromCache });
  if (cacheFile) writeCache(cacheFile, fresh);
  return index;
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

function readCache(file: string): Record<string, CachedFile> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return parsed.version === 1 && parsed.files && typeof parsed.files === 'object' ? parsed.files : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, files: Record<string, CachedFile>): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, files } satisfies CacheFile));
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs a rescan next time.
  }
}
