import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Runs a CommonJS bundle through V8's code cache, so a start after the first skips most of compiling it
 * (Node 20 has no `module.enableCompileCache`). The cache file sits next to the bundle, or in the user's cache
 * folder when that one is read-only; `VN_CORPUS_CODE_CACHE` names another folder, or `off` turns the cache off.
 */

/** File layout: magic, SHA-1 of the V8 data, then the data V8 produced. */
const MAGIC = Buffer.from('VNCC1\n');
const DIGEST_BYTES = 20;

/** A bundle evaluated as a CommonJS module, and a way to store its compiled code for the next start. */
export interface CachedModule {
  readonly exports: unknown;
  /** Whether V8 took the stored code (false: compiled from source, and `save` will store it). */
  readonly fromCache: boolean;
  /** Stores the code compiled so far (call it once the start-up path has run), unless it was read from the cache. */
  save(): void;
}

/**
 * Evaluates `file` with the given `require`; `key` names this build of the bundle (its content hash), so a
 * rebuilt bundle never takes an older cache. A missing, foreign or damaged cache only costs a normal compile.
 */
export function loadWithCodeCache(file: string, key: string, requireFn: NodeJS.Require): CachedModule {
  const source = fs.readFileSync(file, 'utf8');
  const folders = cacheFolders(file);
  const name = cacheName(file, key);
  const cachedData = folders.map((dir) => readCache(path.join(dir, name))).find((data) => data !== undefined);
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, requireFn, module, file, path.dirname(file));
  let saved = fromCache || folders.length === 0;
  return {
    get exports() {
      return module.exports;
    },
    fromCache,
    save: () => {
      if (saved) return;
      saved = true;
      writeCache(folders, name, script.createCachedData());
      for (const dir of folders) removeOtherBuilds(dir, path.basename(file), key);
    },
  };
}

/** One file per build of the bundle and per Node version, as V8 takes only the code of its own version. */
function cacheName(file: string, key: string): string {
  return `${path.basename(file)}.${key}.${process.version}-${process.arch}.v8cache`;
}

/** The CommonJS wrapper Node puts around a module, so the bundle sees `require`, `module` and `__dirname`. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/** Where the cache may live, in order: the override, next to the bundle, the user's cache folder. */
function cacheFolders(file: string): string[] {
  const override = process.env.VN_CORPUS_CODE_CACHE;
  if (override === 'off') return [];
  if (override) return [override];
  return [path.dirname(file), userCacheFolder()];
}

function userCacheFolder(): string {
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? os.tmpdir(), 'vn-corpus', 'cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'vn-corpus');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'vn-corpus');
}

/** The V8 data of a cache file, or undefined when it is missing, truncated or does not match its checksum. */
function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(start);
  return digest(data).equals(bytes.subarray(MAGIC.length, start)) ? data : undefined;
}

/** Writes the cache into the first folder that takes it (atomically, so a concurrent start never reads half a file). */
function writeCache(folders: readonly string[], name: string, data: Buffer): void {
  const bytes = Buffer.concat([MAGIC, digest(data), data]);
  for (const dir of folders) {
    const file = path.join(dir, name);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, file);
    } catch {
      removeQuietly(temp);
      continue;
    }
    return;
  }
}

/** Removes the caches that earlier builds of the bundle left in `dir` (those of other Node versions of this build stay). */
function removeOtherBuilds(dir: string, bundleName: string, key: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith(`${bundleName}.`) && entry.endsWith('.v8cache') && !entry.startsWith(`${bundleName}.${key}.`)) removeQuietly(path.join(dir, entry));
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Another start may hold or have removed it; a leftover file is harmless.
  }
}

function digest(data: Buffer): Buffer {
  return crypto.createHash('sha1').update(data).digest();
}
