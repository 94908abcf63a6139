import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Logger } from '../core/types';
import { inArticleScope, type ArticleScope } from '../node/article-scope';
import type { Corpus } from '../node/corpus';
import { collectFiles, collectFilesBelow } from '../node/walk';

/**
 * Indexes the workspace's article files in the background (work-done progress, cancellable) through the corpus,
 * applies watched-file events to it, and tells the server when a rescan finished so it re-analyses.
 */
export class WorkspaceIndex {
  private run = 0;
  private scanning = false;
  /** Folders join one after the other, so none cuts another short. */
  private adding: Promise<void> = Promise.resolve();
  /** Told how many files are indexed as the scan goes, and (done = total) when a scan or a change finished. */
  progressListener: ((done: number, total: number) => void) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly root: string,
    private readonly corpus: Corpus,
    private readonly supportsProgress: boolean,
    private readonly onChanged: () => void,
  ) {}

  /** (Re)scans the workspace; a newer call cancels an older one. */
  async rebuild(scope: ArticleScope): Promise<void> {
    const run = ++this.run;
    const started = Date.now();
    this.scanning = true;
    const progress = await this.beginProgress();
    const isCancelled = (): boolean => run !== this.run || progress?.token.isCancellationRequested === true;
    try {
      const files = (await collectFiles([this.root], isCancelled)).filter((f) => inArticleScope(this.root, f, scope));
      if (isCancelled()) return;
      const done = await this.corpus.indexFiles(files, (p) => {
        progress?.report(p.total === 0 ? 100 : Math.round((100 * p.done) / p.total), `${p.done}/${p.total} files`);
        if (p.total > 0) this.progressListener?.(Math.min(p.done, p.total - 1), p.total);
      }, isCancelled);
      if (!done) return;
      this.logger.log('info', `indexed ${files.length} article files in ${Date.now() - started} ms`);
      this.onChanged();
      this.progressListener?.(files.length, files.length);
    } finally {
      if (run === this.run) this.scanning = false;
      progress?.done();
    }
  }

  /**
   * Brings a folder that came into the scope into the index: only its files are read, unless nothing is indexed yet
   * or a scan is under way, which then starts again with the new scope.
   */
  addFolder(folder: string, scope: ArticleScope): Promise<void> {
    const added = this.adding.catch(() => undefined).then(() => this.addOneFolder(folder, scope));
    this.adding = added;
    return added;
  }

  private async addOneFolder(folder: string, scope: ArticleScope): Promise<void> {
    if (this.scanning || !this.corpus.recurrence) return this.rebuild(scope);
    const run = this.run;
    const started = Date.now();
    const progress = await this.beginProgress();
    const isCancelled = (): boolean => run !== this.run || progress?.token.isCancellationRequested === true;
    try {
      const files = (await collectFilesBelow(this.root, folder, isCancelled)).filter((f) => inArticleScope(this.root, f, scope));
      if (isCancelled()) return;
      progress?.report(0, `${files.length} files`);
      if (!(await this.corpus.addIndexedFiles(files, isCancelled))) return;
      this.logger.log('info', `indexed ${files.length} article files of ${folder} in ${Date.now() - started} ms`);
      this.onChanged();
      this.progressListener?.(this.corpus.indexedFiles.length, this.corpus.indexedFiles.length);
    } finally {
      progress?.done();
    }
  }

  private async beginProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Indexing Vietnamese articles', 0, 'listing files', true);
    return progress;
  }

  /** Applies watched-file changes (created, changed, deleted) to the index; returns whether it changed. */
  applyChanges(paths: readonly string[], scope: ArticleScope): boolean {
    const texts = paths.filter((f) => f.toLowerCase().endsWith('.txt'));
    const changed = this.corpus.updateIndexedFiles(texts, (f) => inArticleScope(this.root, f, scope));
    if (changed) this.progressListener?.(this.corpus.indexedFiles.length, this.corpus.indexedFiles.length);
    return changed;
  }
}
