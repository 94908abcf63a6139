import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../core/types';
import { toPath, toUri, type Corpus } from '../node/corpus';
import type { DiagnosticFeatures } from './convert';
import { toDiagnostics } from './diagnostics';

/**
 * With `vnCorpus.diagnostics.scope` = `workspace`, publishes findings for every indexed corpus file that is not open,
 * in the background, yielding between files; clears them again when the scope goes back to `open`.
 */
export class WorkspaceDiagnostics {
  private published = new Set<string>();
  private run = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly logger: Logger,
    private readonly corpus: Corpus,
    private readonly docsBase: string | undefined,
    private readonly features: DiagnosticFeatures,
  ) {}

  /** True when the file's diagnostics come from the workspace scope. */
  covers(uri: string): boolean {
    return this.published.has(uri);
  }

  /** Publishes findings for these files (an empty list clears what was published). */
  async update(files: readonly string[]): Promise<void> {
    const run = ++this.run;
    const wanted = new Set(files.map(toUri));
    for (const uri of this.published) {
      if (!wanted.has(uri) && !this.documents.get(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published = new Set([...this.published].filter((u) => wanted.has(u)));
    for (const uri of wanted) {
      if (run !== this.run) return;
      if (this.documents.get(uri)) continue;
      await this.publishOne(uri);
    }
  }

  /** Analyses one closed file from disk and publishes its findings. */
  async publishOne(uri: string): Promise<void> {
    const closed = await this.corpus.analyzeFile(toPath(uri), 'background');
    if ('problem' in closed) {
      this.logger.log('warn', `${uri}: ${closed.problem}; not analysed`);
      return;
    }
    // Opened while it was read: the open document's diagnostics are what the client shows now.
    if (this.documents.get(uri)) return;
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics: await toDiagnostics(closed.analysis, this.docsBase, this.features) });
  }
}
