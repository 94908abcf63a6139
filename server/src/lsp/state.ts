import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, InitializeParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../core/analyze';
import { toLocale } from '../core/i18n/localize';
import { defaultCacheFile } from '../node/corpus-index';
import { AnalysisService } from './analysis-service';
import { toDiagnostics } from './diagnostics';
import { guard } from './guard';
import type { toLogger } from './logger';
import { MeetingIndex } from './meeting-index';
import { SettingsStore } from './settings-store';
import { SiteProfileCache } from './site-profiles';
import { CuratorOffers } from './curator';
import { profilesCacheFile } from '../node/site-profiles-store';
import { WorkspaceDiagnostics } from './workspace-diagnostics';
import { WorkspaceIndex } from './workspace-index';

/** Options the client may pass in `initializationOptions`. */
interface InitOptions {
  readonly trusted?: boolean;
  /** A folder the editor gives the extension for its storage, for the index cache. */
  readonly cacheDir?: string;
}

/** Everything the handlers share, created on `initialize`. */
export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly logger: ReturnType<typeof toLogger>;
  readonly locale: ReturnType<typeof toLocale>;
  readonly root: string | undefined;
  readonly store: SettingsStore;
  readonly service: AnalysisService;
  readonly index: WorkspaceIndex | undefined;
  readonly workspace: WorkspaceDiagnostics;
  readonly meetings: MeetingIndex;
  readonly sites: SiteProfileCache;
  readonly curator: CuratorOffers;
  readonly docsBase: string;
  optionsFor(uri: string): Promise<AnalysisOptions>;
  /** Analyses an open document in the background and pushes its diagnostics, unless a newer version came meanwhile. */
  publish(doc: TextDocument): Promise<void>;
  republishAll(): void;
}

/** Builds the server's shared state from the `initialize` parameters. */
export function createState(connection: Connection, documents: TextDocuments<TextDocument>, logger: ReturnType<typeof toLogger>, docsBase: string, params: InitializeParams): ServerState {
  const locale = toLocale(params.locale);
  const init = (params.initializationOptions ?? {}) as InitOptions;
  const trusted = init.trusted !== false;
  const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  const root = rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : undefined;
  const canAsk = params.capabilities.workspace?.configuration === true;
  const store = new SettingsStore(connection, logger, root, locale, canAsk, () => trusted);
  // The index and the options refer to each other through the state, which exists only once all are built.
  const ref: { state?: ServerState } = {};
  const optionsFor = async (uri: string): Promise<AnalysisOptions> => {
    const base = await store.optionsFor(uri);
    const settings = await store.settingsFor(uri);
    const recurrence = ref.state?.index?.index;
    const siteChrome = ref.state?.sites.lookup();
    return {
      ...base,
      ...(recurrence ? { recurrence } : {}),
      ...(siteChrome ? { siteChrome } : {}),
      recurrenceThreshold: settings.boilerplate.recurrence,
      path: uri.startsWith('file:') ? fileURLToPath(uri) : uri,
    };
  };
  const service = new AnalysisService(optionsFor, logger);
  const cacheFile = root ? defaultCacheFile(root, init.cacheDir) : undefined;
  const sites = new SiteProfileCache(() => ref.state?.index, profilesCacheFile(cacheFile), logger, () => ref.state?.republishAll());
  const onIndexChanged = (): void => {
    sites.invalidate();
    ref.state?.republishAll();
  };
  const index = root
    ? new WorkspaceIndex(connection, logger, root, cacheFile, params.capabilities.window?.workDoneProgress === true, onIndexChanged)
    : undefined;
  const workspace = new WorkspaceDiagnostics(connection, documents, logger, optionsFor, docsBase);
  const state: ServerState = {
    connection, documents, logger, locale, root, store, service, index, workspace, sites, docsBase, optionsFor,
    curator: new CuratorOffers(() => ref.state, cacheFile ? `${cacheFile.replace(/\.json$/u, '')}.offered.json` : undefined, trusted),
    meetings: new MeetingIndex(optionsFor),
    async publish(doc) {
      const analysis = await service.refresh(doc);
      if (!analysis || documents.get(doc.uri)?.version !== doc.version) return;
      const diagnostics = await toDiagnostics(analysis, docsBase);
      if (documents.get(doc.uri)?.version !== doc.version) return;
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    },
    republishAll() {
      store.clear();
      service.invalidateAll();
      for (const doc of documents.all()) void guard(logger, 'publish', undefined, (d: TextDocument) => state.publish(d))(doc);
      void guard(logger, 'workspaceDiagnostics', undefined, async () => {
        const scope = root ? (await store.settingsFor(pathToFileURL(root).toString())).diagnostics.scope : 'open';
        await workspace.update(scope === 'workspace' ? (index?.indexedFiles ?? []) : []);
      })();
    },
  };
  ref.state = state;
  return state;
}

/** Which files the workspace index takes: article globs and `files.exclude`. */
export async function indexScope(state: ServerState): Promise<{ articleGlobs: readonly string[]; excludeGlobs: readonly string[] }> {
  const rootUri = state.root ? pathToFileURL(state.root).toString() : undefined;
  const settings = await state.store.settingsFor(rootUri ?? '');
  const exclude = await state.store.filesExclude(rootUri);
  return { articleGlobs: settings.files, excludeGlobs: exclude };
}

/** Rescans the workspace's article files. */
export async function rebuildIndex(state: ServerState): Promise<void> {
  if (!state.index) return;
  await state.index.rebuild(await indexScope(state));
}
