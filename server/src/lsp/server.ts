import {
  CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type TextDocumentsConfiguration,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ForegroundFirst } from '../node/scheduler';
import { FIX_ALL_KIND, MEETINGS_REQUEST, SITE_PROFILES_REQUEST, type MeetingSummary } from '../protocol';
import { COMMANDS } from './commands';
import type * as Features from './features';
import { guard } from './guard';
import { toLogger } from './logger';
import { pullsDiagnostics } from './pull-mode';
import type { ServerState } from './state';

/** What the process that starts the server wants to hear about. */
export interface StartHooks {
  /** Called once, when the client has the `initialize` result and the state is built: the start-up code has all run. */
  readonly afterInitialize?: () => void;
}

/** Wires every LSP feature to the connection and starts listening; `docsBase` is the URI of the rule pages. */
export function startServer(connection: Connection, docsBase: string | undefined, hooks: StartHooks = {}): void {
  const logger = toLogger(connection);
  const pacer = new ForegroundFirst();
  // Every message from the client holds background work for a while: the next one usually follows soon.
  const fromClient = <P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): ((...args: P) => Promise<R>) => {
    const guarded = guard(logger, name, fallback, fn);
    return (...args: P) => {
      pacer.touch();
      return guarded(...args);
    };
  };
  // The feature modules (and with them the analysis core) are loaded after `initialize` is answered: a client
  // sends `initialized` before any other message, and that is where the state is built.
  let features: typeof Features | undefined;
  const f = (): typeof Features => (features ??= require('./features') as typeof Features);
  let initParams: InitializeParams | undefined;
  let state: ServerState | undefined;
  let reports: ReturnType<typeof Features.registerReport> | undefined;
  // Each edit is looked at before it is applied, for lines the curator deletes by hand.
  let lineTracking: TextDocumentsConfiguration<TextDocument> | undefined;
  const tracking = () => (lineTracking ??= f().trackingLineDeletions((before, lines) => state?.curator.onDeleted(before, lines)));
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      pacer.touch();
      return tracking().create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      pacer.touch();
      return tracking().update(doc, changes, version);
    },
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initParams = params;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Vietnamese article' },
        foldingRangeProvider: true,
        inlayHintProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [COMMANDS.keepLine, COMMANDS.cleanWorkspace, COMMANDS.addCatalogStub] },
        // The recurrence index is read from the files on disk, so an edit changes no other document's diagnostics.
        ...(pullsDiagnostics(params.capabilities) ? { diagnosticProvider: { identifier: 'vn-corpus', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'vn-corpus', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (!initParams || state) return;
    state = new (f().ServerState)(connection, documents, logger, docsBase, initParams, pacer);
    reports = f().registerReport(connection, logger, state);
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vnCorpus' }).catch(() => undefined);
    void state.rebuildIndex();
    hooks.afterInitialize?.();
  });

  const publishGuarded = guard(logger, 'publish', undefined, async (doc: TextDocument) => state?.publish(doc));
  const noteOpened = guard(logger, 'open', undefined, async (doc: TextDocument) => state?.noteOpened(doc));

  documents.onDidOpen((e) => {
    void noteOpened(e.document);
  });
  documents.onDidChangeContent((e) => void publishGuarded(e.document));
  documents.onDidClose((e) => {
    pacer.touch();
    state?.corpus.forget(e.document.uri);
    state?.openDiagnostics.forget(e.document.uri);
    if (state?.workspace.covers(e.document.uri)) void state.workspace.publishOne(e.document.uri);
    else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    pacer.touch();
    state?.reload();
  });
  connection.onDidChangeWatchedFiles(fromClient('watchedFiles', undefined, async (params) => {
    if (!state) return;
    const projectChanged = params.changes.some((c) => c.uri.includes('/.vn-corpus/'));
    const texts = params.changes.filter((c) => c.uri.startsWith('file:') && c.uri.toLowerCase().endsWith('.txt')).map((c) => f().toPath(c.uri));
    for (const file of texts) state.meetings.invalidate(file);
    if (projectChanged) state.store.clear();
    const indexChanged = texts.length > 0 && state.index !== undefined && state.index.applyChanges(texts, await state.indexScope());
    if (indexChanged) state.sites.invalidate();
    if (projectChanged || indexChanged) state.republishAll();
    // Catalog titles and settings feed the report too; index changes reach it through the index.
    if (projectChanged) reports?.invalidate();
  }));

  // Requests wait for the analysis of the current version (one run however many ask); a cancelled request stops waiting.
  const analysisOf = async (uri: string, isCancelled: () => boolean) => {
    const doc = documents.get(uri);
    if (!doc || !state || isCancelled()) return undefined;
    return state.corpus.analysis(doc, isCancelled);
  };
  // Code actions and folding read only the findings, which come before the meetings are read.
  const findingsOf = async (uri: string, isCancelled: () => boolean) => {
    const doc = documents.get(uri);
    if (!doc || !state || isCancelled()) return undefined;
    return state.corpus.findings(doc, isCancelled);
  };

  connection.languages.diagnostics.on(fromClient('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) =>
    state ? state.pulled(params.textDocument.uri, params.previousResultId, () => token.isCancellationRequested) : { kind: DocumentDiagnosticReportKind.Full, items: [] }));

  connection.onHover(fromClient('hover', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    if (!analysis || !state) return null;
    const settings = await state.store.settingsFor(params.textDocument.uri);
    return f().toHover(analysis, f().toOffset(analysis.doc.lines, params.position), state.locale, settings.hover.englishGloss);
  }));

  connection.onDefinition(fromClient('definition', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    const found = analysis ? f().referenceAt(analysis, f().toOffset(analysis.doc.lines, params.position)) : undefined;
    const place = found?.resolution.status === 'resolved' && found.resolution.entry ? f().catalogEntryPlace(found.resolution.entry) : undefined;
    return place ? f().toLineLocation(f().toUri(place.file), place.line, place.character, place.length) : null;
  }));

  connection.onReferences(fromClient('references', [], async (params, token) => (state ? f().findAllReferences(state, params, token) : [])));

  connection.onDocumentSymbol(fromClient('documentSymbol', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis && state ? f().toDocumentSymbols(analysis, state.locale) : [];
  }));

  connection.onFoldingRanges(fromClient('foldingRange', [], async (params, token) => {
    const analysis = await findingsOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis ? f().toFoldingRanges(analysis) : [];
  }));

  connection.onCodeAction(fromClient('codeAction', [], async (params, token) => {
    const analysis = await findingsOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis && state ? f().toCodeActions(analysis, params, state.locale, state.root !== undefined) : [];
  }));

  connection.languages.inlayHint.on(fromClient('inlayHint', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    if (!analysis || !state || !(await state.store.settingsFor(params.textDocument.uri)).inlayHints.dates) return [];
    return f().toInlayHints(analysis, params.range, state.locale);
  }));

  const allMeetings = async (isCancelled: () => boolean): Promise<MeetingSummary[]> => (state ? state.meetings.all(isCancelled) : []);
  connection.onWorkspaceSymbol(fromClient('workspaceSymbol', [], async (params, token) =>
    f().toWorkspaceSymbols(await allMeetings(() => token.isCancellationRequested), params.query)));
  connection.onRequest(MEETINGS_REQUEST, fromClient('meetings', [], async (_params: unknown, token: CancellationToken) => allMeetings(() => token.isCancellationRequested)));

  connection.onRequest(SITE_PROFILES_REQUEST, fromClient('siteProfiles', null, async () => {
    const text = await state?.sites.listing(state.locale, f().relativeTo(state.root));
    return text === undefined ? null : { text };
  }));

  connection.onExecuteCommand(fromClient('executeCommand', null, async (params) => (state ? f().runCommand(state, params) : null)));

  documents.listen(connection);
  connection.listen();
}
