import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { nextTurn } from './scheduler';

/** Thrown for a path that does not exist or cannot be read; the CLI exits with 2. */
export class UsageError extends Error {}

/** How many folders are read between two yields to the event loop. */
const DIRS_PER_YIELD = 16;

/**
 * Expands files and folders into `.txt` files, honouring `.gitignore` files and skipping `node_modules` and dot folders.
 * Reads folders asynchronously and yields to the event loop every few folders, so a large tree never holds a server.
 */
export async function collectFiles(inputs: readonly string[], isCancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const counter = { dirs: 0 };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(input);
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (stat.isDirectory()) await walk(path.resolve(input), [], out, counter, isCancelled);
    else out.push(path.resolve(input));
  }
  return [...new Set(out)];
}

/**
 * The `.txt` files below `folder`, as `collectFiles([root])` would list them there: the `.gitignore` files of the
 * folders from `root` down are honoured, and nothing is listed when the folder lies in a dot folder, in
 * `node_modules` or in an ignored folder. A folder outside `root` is listed on its own.
 */
export async function collectFilesBelow(root: string, folder: string, isCancelled: () => boolean = () => false): Promise<string[]> {
  const relative = path.relative(root, folder);
  const parts = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? [] : relative.split(path.sep);
  const rules: Rules[] = [];
  let dir = path.resolve(root);
  for (const part of parts.length > 0 ? ['', ...parts.slice(0, -1)] : []) {
    dir = part === '' ? dir : path.join(dir, part);
    const gitignore = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (gitignore !== undefined) rules.push({ base: dir, ig: ignore().add(gitignore) });
  }
  let below = path.resolve(root);
  for (const part of parts) {
    below = path.join(below, part);
    if (part === 'node_modules' || part.startsWith('.') || isIgnored(rules, below, true)) return [];
  }
  const out: string[] = [];
  await walk(path.resolve(folder), rules, out, { dirs: 0 }, isCancelled);
  return out;
}

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

async function walk(dir: string, inherited: readonly Rules[], out: string[], counter: { dirs: number }, isCancelled: () => boolean): Promise<void> {
  if (++counter.dirs % DIRS_PER_YIELD === 0) await nextTurn();
  if (isCancelled()) return;
  const rules = [...inherited];
  const gitignore = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
  if (gitignore !== undefined) rules.push({ base: dir, ig: ignore().add(gitignore) });
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(rules, full, isDir)) continue;
    if (isDir) await walk(full, rules, out, counter, isCancelled);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(flatCopy(full));
  }
}

/**
 * The path as one flat string: `path.join` builds it out of pieces that keep the folder's name and the listing's
 * entry alive, several times the path's own size, and a walk over a million files keeps every path.
 */
function flatCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function isIgnored(rules: readonly Rules[], full: string, isDir: boolean): boolean {
  return rules.some(({ base, ig }) => {
    const rel = path.relative(base, full).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
  });
}
