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
      }, isCancelled);
      if (!done) return;
      this.logger.log('info', `indexed ${files.length} article files in ${Date.now() - started} ms`);
      this.onChanged();
    } finally {
      progress?.done();
    }
  }

  /** Applies watched-file changes (created, changed, deleted) to the index; returns whether it changed. */
  applyChanges(paths: readonly string[], scope: ArticleScope): boolean {
    const texts = paths.filter((f) => f.toLowerCase().endsWith('.txt'));
    return this.corpus.updateIndexedFiles(texts, (f) => inArticleScope(this.root, f, scope));
  }
}
