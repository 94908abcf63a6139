import * as path from 'node:path';
import { matchesAnyGlob } from './globs';

/** Which files of a workspace are articles, indexed for recurrence and searched for references and meetings. */
export interface ArticleScope {
  /** `vnCorpus.files` globs that make other `.txt` files articles. */
  readonly articleGlobs: readonly string[];
  /** `files.exclude` globs whose value is true. */
  readonly excludeGlobs: readonly string[];
  /** Folders of documents opened as articles: every `.txt` file below them is an article too. */
  readonly articleFolders: readonly string[];
}

/** True for `.txt` files under a `seeds/` or `corpus/` folder, below an article folder, or matching the user's globs. */
export function isArticleFile(root: string, file: string, scope: Pick<ArticleScope, 'articleGlobs' | 'articleFolders'>): boolean {
  if (!file.toLowerCase().endsWith('.txt')) return false;
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (/(^|\/)(seeds|corpus)\//u.test(relative)) return true;
  if (scope.articleFolders.some((dir) => isBelow(dir, file))) return true;
  return matchesAnyGlob(scope.articleGlobs, relative, file);
}

/** True for an article file that no `files.exclude` glob leaves out (an excluded folder excludes all below it). */
export function inArticleScope(root: string, file: string, scope: ArticleScope): boolean {
  if (!isArticleFile(root, file, scope)) return false;
  const parts = path.relative(root, file).split(path.sep);
  for (let n = 1; n <= parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    if (matchesAnyGlob(scope.excludeGlobs, prefix, path.join(root, prefix))) return false;
  }
  return true;
}

/** The folder of a file, the unit in which a document opened as an article brings its neighbours into the index. */
export function folderOf(file: string): string {
  return path.dirname(file);
}

function isBelow(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
