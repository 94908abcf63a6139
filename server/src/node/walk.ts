import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Thrown for a path that does not exist or cannot be read; the CLI exits with 2. */
export class UsageError extends Error {}

/** Expands files and folders into `.txt` files, honouring `.gitignore` files and skipping `node_modules` and dot folders. */
export function collectFiles(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (stat.isDirectory()) walk(path.resolve(input), [], out);
    else out.push(path.resolve(input));
  }
  return [...new Set(out)];
}

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

function walk(dir: string, inherited: readonly Rules[], out: string[]): void {
  const rules = [...inherited];
  const gitignore = path.join(dir, '.gitignore');
  if (fs.existsSync(gitignore)) {
    rules.push({ base: dir, ig: ignore().add(fs.readFileSync(gitignore, 'utf8')) });
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(rules, full, isDir)) continue;
    if (isDir) walk(full, rules, out);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(full);
  }
}

function isIgnored(rules: readonly Rules[], full: string, isDir: boolean): boolean {
  return rules.some(({ base, ig }) => {
    const rel = path.relative(base, full).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
  });
}
