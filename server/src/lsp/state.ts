import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type DiagnosticServerCancellationData, type DocumentDiagnosticReport, type InitializeParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale } from '../core/i18n/localize';
import type { Locale, Logger } from '../core/types';
import { folderOf, isArticleFile, type ArticleScope } from '../node/article-scope';
import { Corpus, toPath, toUri } from '../node/corpus';
import { defaultCacheFile } from '../node/corpus-index';
import { diagnosticFeaturesOf } from './convert';
import { OpenDiagnostics } from './diagnostics';
import { pullsDiagnostics } from './pull-mode';
import { guard } from './guard';
import { MeetingIndex } from './meeting-index';
import { SettingsStore } from './settings-store';
import { CuratorOffers, offeredLinesFile } from './curator';
import { SiteProfileCache } from './site-profiles';
import { profilesCacheFile } from '../node/site-profiles-store';
import { WorkspaceDiagnostics } from './workspace-diagnostics';
import { WorkspaceIndex } from './workspace-index';
import type { ForegroundFirst } from '../node/scheduler';

/** Options the client may pass in `initializationOptions`. */
interface InitOptions {
  readonly trusted?: boolean;
  /** A folder the editor gives the extension for its storage, for the index cache. */
  readonly cacheDir?: string;
}

/** The language id of articles. */
const ARTICLE_LANGUAGE = 'vn-article';

/** Everything the handlers share, created on `initialize`. */
export class ServerState {
  readonly locale: Locale;
  readonly root: string | undefined;
  readonly store: SettingsStore;
  readonly corpus: Corpus;
  readonly index: WorkspaceIndex | undefined;
  readonly workspace: WorkspaceDiagnostics;
  readonly meetings: MeetingIndex;
  /** The corpus's site profiles, for the site-chrome rule and "Show site profiles". */
  readonly sites: SiteProfileCache;
  /** Offers to remove a hand-deleted line from the other corpus files. */
  readonly curator: CuratorOffers;
  /** The open documents' diagnostics, as last converted and sent. */
  readonly openDiagnostics: OpenDiagnostics;
  /** Whether the client pulls the open documents' diagnostics (`pullsDiagnostics`); else they are pushed. */
  readonly pulls: boolean;
  /** Folders of documents opened as articles outside the configured scope; their `.txt` files are indexed too. */
  private readonly articleFolders = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly logger: Logger,
    readonly docsBase: string | undefined,
    params: InitializeParams,
    /** Open documents first: corpus-wide work waits while they are analysed or the client is busy. */
    readonly pacer: ForegroundFirst,
  ) {
    this.locale = toLocale(params.locale);
    // The optional parts of a diagnostic the client takes.
    const diagnosticFeatures = diagnosticFeaturesOf(params.capabilities);
    this.openDiagnostics = new OpenDiagnostics(docsBase, diagnosticFeatures);
    this.pulls = pullsDiagnostics(params.capabilities);
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const trusted = init.trusted !== false;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    this.root = rootUri?.startsWith('file:') ? toPath(rootUri) : undefined;
    const canAsk = params.capabilities.workspace?.configuration === true;
    const store = new SettingsStore(connection, logger, this.root, this.locale, canAsk, () => trusted);
    this.store = store;
    const cacheFile = this.root ? defaultCacheFile(this.root, init.cacheDir) : undefined;
    // The profiles come from the corpus's index; when new ones are ready, everything is republished with them.
    const sites = new SiteProfileCache(() => this.corpus.recurrence, profilesCacheFile(cacheFile), logger, () => this.republishAll(), pacer);
    this.sites = sites;
    this.curator = new CuratorOffers(this, offeredLinesFile(cacheFile), trusted);
    this.corpus = new Corpus({
      documents,
      logger,
      // References, the Meetings view and workspace diagnostics go over the same closed files again and again.
      keepAnalyses: 256,
      pacer,
      optionsFor: async (uri) => {
        const siteChrome = sites.lookup();
        return { ...(await store.optionsFor(uri)), recurrenceThreshold: (await store.settingsFor(uri)).boilerplate.recurrence, ...(siteChrome ? { siteChrome } : {}) };
      },
      ...(cacheFile ? { cacheFile } : {}),
    });
    const onIndexChanged = (): void => {
      sites.invalidate();
      this.republishAll();
    };
    this.index = this.root
      ? new WorkspaceIndex(connection, logger, this.root, this.corpus, params.capabilities.window?.workDoneProgress === true, onIndexChanged)
      : undefined;
    this.workspace = new WorkspaceDiagnostics(connection, documents, logger, this.corpus, docsBase, diagnosticFeatures);
    this.meetings = new MeetingIndex(this.corpus);
  }

  /**
   * Analyses an open document (as foreground work) and pushes its diagnostics, unless a newer version or generation
   * came meanwhile: the publish that generation started sends instead, so stale findings never arrive last.
   * A republish of the same version with the same diagnostics sends nothing; to a client that pulls, nothing is pushed
   * (its pull waits for the same analysis).
   */
  publish(doc: TextDocument): Promise<void> {
    return this.pacer.foreground(this.analyseAndSend(doc));
  }

  private async analyseAndSend(doc: TextDocument): Promise<void> {
    // The findings are all a publish needs: they come before the run goes on to read years and meetings.
    const found = await this.corpus.findingsOnce(doc);
    if (!found || this.documents.get(doc.uri)?.version !== doc.version) return;
    if (this.pulls) {
      this.readMeetingsWhenQuiet(doc).catch((error: unknown) => this.logger.log('error', `reading the meetings of ${doc.uri} failed`, error instanceof Error ? error.stack : error));
      return;
    }
    const converted = await this.openDiagnostics.convert(doc.uri, found);
    if (this.documents.get(doc.uri)?.version !== doc.version || this.corpus.cachedFindings(doc) !== found) return;
    if (this.openDiagnostics.changedSince(doc.uri, doc.version, converted)) {
      this.openDiagnostics.noteSent(doc.uri, doc.version, converted);
      await this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [...converted.diagnostics] });
    }
    this.readMeetingsWhenQuiet(doc).catch((error: unknown) => this.logger.log('error', `reading the meetings of ${doc.uri} failed`, error instanceof Error ? error.stack : error));
  }

  /**
   * The answer to a pull of an open document's diagnostics, once the findings of its current version are made:
   * "unchanged" when they equal those of the report the client holds. A pull that a newer version overtook (or the
   * client cancelled) is answered "server cancelled", with a new pull asked for; a document that is not open, or was
   * closed meanwhile, has no pulled diagnostics (what is pushed for a closed file stays).
   */
  async pulled(uri: string, previousResultId: string | undefined, isCancelled: () => boolean): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(uri);
    const found = doc ? await this.corpus.findings(doc, isCancelled) : undefined;
    if (found) return this.openDiagnostics.report(uri, previousResultId, await this.openDiagnostics.convert(uri, found));
    if (!this.documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    throw new ResponseError(LSPErrorCodes.ServerCancelled, `${uri} changed`, { retriggerRequest: true } satisfies DiagnosticServerCancellationData);
  }

  /**
   * Reads the meetings of a published version (the outline, hovers and the Meetings view show them) once the client is
   * quiet, unless a newer version came meanwhile: while the user types, only the findings are made. A request that
   * needs them reads them at once.
   */
  private async readMeetingsWhenQuiet(doc: TextDocument): Promise<void> {
    await this.pacer.background();
    if (this.documents.get(doc.uri)?.version === doc.version) await this.corpus.analysisOnce(doc);
  }

  /**
   * Re-analyses and republishes every open document (a client that pulls is asked to pull again), and the closed
   * files when the scope is `workspace`.
   */
  republishAll(): void {
    this.corpus.invalidateAll();
    for (const doc of this.documents.all()) void guard(this.logger, 'publish', undefined, (d: TextDocument) => this.publish(d))(doc);
    if (this.pulls) void this.connection.languages.diagnostics.refresh().catch((error: unknown) => this.logger.log('warn', 'asking the client to pull diagnostics again failed', error instanceof Error ? error.message : error));
    void guard(this.logger, 'workspaceDiagnostics', undefined, async () => {
      const scope = this.root ? (await this.store.settingsFor(toUri(this.root))).diagnostics.scope : 'open';
      await this.workspace.update(scope === 'workspace' ? this.corpus.indexedFiles : []);
    })();
  }

  /**
   * Settings or project files changed: reads them again, then rescans the index (which republishes when it is done)
   * or, with no workspace, republishes at once; so one change republishes once.
   */
  reload(): void {
    this.store.clear();
    if (this.index) void this.rebuildIndex();
    else this.republishAll();
  }

  /**
   * A document was opened: one opened as an article outside the indexed scope brings its folder into the index. To a
   * client that pulls, the diagnostics pushed for the file while it was closed are cleared: its pulls show them now.
   */
  async noteOpened(doc: TextDocument): Promise<void> {
    if (this.pulls && this.workspace.covers(doc.uri)) await this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    if (!this.root || !this.index || doc.languageId !== ARTICLE_LANGUAGE || !doc.uri.startsWith('file:')) return;
    const file = toPath(doc.uri);
    const scope = await this.indexScope();
    if (isArticleFile(this.root, file, scope)) return;
    const folder = folderOf(file);
    this.articleFolders.add(folder);
    try {
      await this.index.addFolder(folder, await this.indexScope());
    } catch (error) {
      this.logger.log('error', `indexing ${folder} failed`, error instanceof Error ? error.stack : error);
      this.republishAll();
    }
  }

  /** Which files the workspace index takes: `seeds/` and `corpus/`, article globs, article folders, less `files.exclude`. */
  async indexScope(): Promise<ArticleScope> {
    const rootUri = this.root ? toUri(this.root) : undefined;
    const settings = await this.store.settingsFor(rootUri ?? '');
    const exclude = await this.store.filesExclude(rootUri);
    return { articleGlobs: settings.files, excludeGlobs: exclude, articleFolders: [...this.articleFolders] };
  }

  /** Rescans the workspace's article files; the index republishes when it is done. */
  async rebuildIndex(): Promise<void> {
    if (!this.index) return;
    try {
      await this.index.rebuild(await this.indexScope());
    } catch (error) {
      this.logger.log('error', 'indexing failed', error instanceof Error ? error.stack : error);
      this.republishAll();
    }
  }
}
