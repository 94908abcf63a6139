import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { LineFrequencyIndex } from '../core/corpus/line-frequency';
import { matchesAnyGlob } from '../core/globs';
import type { Logger } from '../core/types';
import { buildIndex, updateIndexedFile } from '../node/corpus-index';
import { collectFiles } from '../node/walk';

/** Where the index looks, and what it leaves out. */
export interface IndexScope {
  /** `vnCorpus.files` globs that make other `.txt` files articles. */
  readonly articleGlobs: readonly string[];
  /** `files.exclude` globs whose value is true. */
  readonly excludeGlobs: readonly string[];
}

/** True for `.txt` files under a `seeds/` or `corpus/` folder, or matching the user's globs. */
export function isArticleFile(root: string, file: string, articleGlobs: readonly string[]): boolean {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (!file.toLowerCase().endsWith('.txt')) return false;
  if (/(^|\/)(seeds|corpus)\//u.test(relative)) return true;
  return matchesAnyGlob(articleGlobs, relative, file);
}

/**
 * Indexes the workspace's article files in the background (work-done progress, cancellable), keeps the index
 * current from watched-file events, and tells the server when the index changed so it re-analyses.
 */
export class WorkspaceIndex {
  private current: LineFrequencyIndex | undefined;
  private files: string[] = [];
  private run = 0;
  /** Told how many files are indexed as the scan goes, and (done = total) when it finished. */
  progressListener: ((done: number, total: number) => void) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly root: string,
    private readonly cacheFile: string | undefined,
    private readonly supportsProgress: boolean,
    private readonly onChanged: () => void,
  ) {}

  /** The index, once the first scan finished. */
  get index(): LineFrequencyIndex | undefined {
    return this.current;
  }

  /** The indexed article files. */
  get indexedFiles(): readonly string[] {
    return this.files;
  }

  /** (Re)scans the workspace; a newer call cancels an older one. */
  async rebuild(scope: IndexScope): Promise<void> {
    const run = ++this.run;
    const started = Date.now();
    const files = collectFiles([this.root]).filter((f) => this.inScope(f, scope));
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Indexing Vietnamese articles', 0, `${files.length} files`, true);
    const isCancelled = (): boolean => run !== this.run || progress?.token.isCancellationRequested === true;
    try {
      const index = await buildIndex(files, this.cacheFile, isCancelled, (p) => {
        progress?.report(p.total === 0 ? 100 : Math.round((100 * p.done) / p.total), `${p.done}/${p.total} files`);
        if (p.total > 0) this.progressListener?.(Math.min(p.done, p.total - 1), p.total);
      });
      if (!index || isCancelled()) return;
      this.current = index;
      this.files = files;
      this.logger.log('info', `indexed ${files.length} article files in ${Date.now() - started} ms`);
      this.onChanged();
      this.progressListener?.(files.length, files.length);
    } finally {
      progress?.done();
    }
  }

  /** Applies watched-file changes (created, changed, deleted) to the index. */
  applyChanges(paths: readonly string[], scope: IndexScope): void {
    const index = this.current;
    if (!index) return;
    let changed = false;
    for (const file of paths) {
      if (!file.toLowerCase().endsWith('.txt')) continue;
      if (!this.inScope(file, scope)) {
        if (index.has(file)) index.removeFile(file);
        continue;
      }
      updateIndexedFile(index, file);
      changed = true;
    }
    this.files = [...index.entries()].map(([file]) => file);
    if (changed) {
      this.onChanged();
      this.progressListener?.(this.files.length, this.files.length);
    }
  }

  /** The URI of an indexed file. */
  static toUri(file: string): string {
    return pathToFileURL(file).toString();
  }

  private inScope(file: string, scope: IndexScope): boolean {
    if (!isArticleFile(this.root, file, scope.articleGlobs)) return false;
    // An excluded folder excludes everything under it, as in the editor's own `files.exclude`.
    const parts = path.relative(this.root, file).split(path.sep);
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      if (matchesAnyGlob(scope.excludeGlobs, prefix, path.join(this.root, prefix))) return false;
    }
    return true;
  }
}
