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
 * `onListed` is told how many files are listed so far after each folder.
 */
export async function collectFiles(inputs: readonly string[], isCancelled: () => boolean = () => false, onListed: (count: number) => void = () => undefined): Promise<string[]> {
  const out: string[] = [];
  const counter = { dirs: 0, onListed };
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
  // Down from `root` as a walk goes: each folder's .gitignore, then whether the next folder down is skipped.
  let rules: readonly Rules[] = [];
  let dir = path.resolve(root);
  for (const part of parts) {
    rules = await withGitignoreOf(dir, rules);
    dir = path.join(dir, part);
    if (isSkippedName(part) || isIgnored(rules, dir, true)) return [];
  }
  const out: string[] = [];
  await walk(path.resolve(folder), rules, out, { dirs: 0, onListed: () => undefined }, isCancelled);
  return out;
}

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

interface WalkCounter {
  dirs: number;
  readonly onListed: (count: number) => void;
}

async function walk(dir: string, inherited: readonly Rules[], out: string[], counter: WalkCounter, isCancelled: () => boolean): Promise<void> {
  if (++counter.dirs % DIRS_PER_YIELD === 0) await nextTurn();
  if (isCancelled()) return;
  const rules = await withGitignoreOf(dir, inherited);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(rules, full, isDir)) continue;
    if (isDir) await walk(full, rules, out, counter, isCancelled);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(flatCopy(full));
  }
  counter.onListed(out.length);
}

/** Dependencies and dot folders (and dot files) are never walked. */
function isSkippedName(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The rules in force in `dir`: those of the folders above it, and its own `.gitignore` when it has one. */
async function withGitignoreOf(dir: string, inherited: readonly Rules[]): Promise<readonly Rules[]> {
  const gitignore = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
  return gitignore === undefined ? inherited : [...inherited, { base: dir, ig: ignore().add(gitignore) }];
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
