import type { Connection } from 'vscode-languageserver';
import type { Logger } from '../core/types';
import { inArticleScope, type ArticleScope } from '../node/article-scope';
import type { Corpus } from '../node/corpus';
import { collectFiles } from '../node/walk';

/**
 * Indexes the workspace's article files in the background (work-done progress, cancellable) through the corpus,
 * applies watched-file events to it, and tells the server when a rescan finished so it re-analyses.
 */
export class WorkspaceIndex {
  private run = 0;
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
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Indexing Vietnamese articles', 0, 'listing files', true);
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
      progress?.done();
    }
  }

  /** Applies watched-file changes (created, changed, deleted) to the index; returns whether it changed. */
  applyChanges(paths: readonly string[], scope: ArticleScope): boolean {
    const texts = paths.filter((f) => f.toLowerCase().endsWith('.txt'));
    const changed = this.corpus.updateIndexedFiles(texts, (f) => inArticleScope(this.root, f, scope));
    if (changed) this.progressListener?.(this.corpus.indexedFiles.length, this.corpus.indexedFiles.length);
    return changed;
  }
}
