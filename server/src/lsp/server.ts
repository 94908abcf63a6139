import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { FIX_ALL_KIND, MEETINGS_REQUEST, type MeetingSummary } from '../protocol';
import { toCodeActions } from './code-actions';
import { COMMANDS } from './commands';
import { runCommand } from './command-handlers';
import { toOffset } from './convert';
import { toCatalogLocation } from './definition';
import { toFoldingRanges } from './folding';
import { guard } from './guard';
import { toInlayHints } from './inlay-hints';
import { toWorkspaceSymbols } from './meeting-index';
import { referenceAt, toHover } from './hover';
import { findAllReferences } from './references';
import { toLogger } from './logger';
import { toDocumentSymbols } from './symbols';
import { createState, indexScope, rebuildIndex, type ServerState } from './state';

/** Wires every LSP feature to the connection and starts listening. */
export function startServer(connection: Connection): void {
  const logger = toLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString();
  let state: ServerState | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state = createState(connection, documents, logger, docsBase, params);
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
      },
      serverInfo: { name: 'vn-corpus', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vnCorpus' }).catch(() => undefined);
    const current = state;
    if (current) void guard(logger, 'index', undefined, () => rebuildIndex(current))();
  });

  const publishGuarded = guard(logger, 'publish', undefined, async (doc: TextDocument) => state?.publish(doc));

  documents.onDidOpen((e) => void publishGuarded(e.document));
  documents.onDidChangeContent((e) => void publishGuarded(e.document));
  documents.onDidClose((e) => {
    state?.service.forget(e.document.uri);
    if (state?.workspace.covers(e.document.uri)) void state.workspace.publishOne(e.document.uri);
    else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    const current = state;
    current?.republishAll();
    if (current) void guard(logger, 'index', undefined, () => rebuildIndex(current))();
  });
  connection.onDidChangeWatchedFiles(guard(logger, 'watchedFiles', undefined, async (params) => {
    if (!state) return;
    if (params.changes.some((c) => c.uri.includes('/.vn-corpus/'))) state.republishAll();
    const texts = params.changes.filter((c) => c.uri.startsWith('file:') && c.uri.toLowerCase().endsWith('.txt')).map((c) => fileURLToPath(c.uri));
    for (const file of texts) state.meetings.invalidate(file);
    if (texts.length > 0 && state.index) state.index.applyChanges(texts, await indexScope(state));
  }));

  const analysisOf = async (uri: string, isCancelled: () => boolean) => {
    const doc = documents.get(uri);
    return doc && state ? state.service.get(doc, isCancelled) : undefined;
  };

  connection.onHover(guard(logger, 'hover', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    if (!analysis || !state) return null;
    const settings = await state.store.settingsFor(params.textDocument.uri);
    return toHover(analysis, toOffset(analysis.doc.lines, params.position), state.locale, settings.hover.englishGloss);
  }));

  connection.onDefinition(guard(logger, 'definition', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    const found = analysis ? referenceAt(analysis, toOffset(analysis.doc.lines, params.position)) : undefined;
    return found?.resolution.status === 'resolved' && found.resolution.entry ? toCatalogLocation(found.resolution.entry) : null;
  }));

  connection.onReferences(guard(logger, 'references', [], async (params, token) => (state ? findAllReferences(state, params, token) : [])));

  connection.onDocumentSymbol(guard(logger, 'documentSymbol', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis && state ? toDocumentSymbols(analysis, state.locale) : [];
  }));

  connection.onFoldingRanges(guard(logger, 'foldingRange', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis ? toFoldingRanges(analysis) : [];
  }));

  connection.onCodeAction(guard(logger, 'codeAction', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis && state ? toCodeActions(analysis, params, state.locale, docsBase, state.root !== undefined) : [];
  }));

  connection.languages.inlayHint.on(guard(logger, 'inlayHint', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    if (!analysis || !state || !(await state.store.settingsFor(params.textDocument.uri)).inlayHints.dates) return [];
    return toInlayHints(analysis, params.range, state.locale);
  }));

  const allMeetings = async (isCancelled: () => boolean): Promise<MeetingSummary[]> => {
    if (!state) return [];
    const open = new Map<string, Analysis>();
    for (const doc of documents.all()) {
      const analysis = await state.service.get(doc, isCancelled);
      if (analysis) open.set(doc.uri, analysis);
    }
    return state.meetings.all(state.index?.indexedFiles ?? [], open, isCancelled);
  };
  connection.onWorkspaceSymbol(guard(logger, 'workspaceSymbol', [], async (params, token) =>
    toWorkspaceSymbols(await allMeetings(() => token.isCancellationRequested), params.query)));
  connection.onRequest(MEETINGS_REQUEST, guard(logger, 'meetings', [], async (_params: unknown, token: CancellationToken) => allMeetings(() => token.isCancellationRequested)));

  connection.onExecuteCommand(guard(logger, 'executeCommand', null, async (params) => (state ? runCommand(state, params) : null)));

  documents.listen(connection);
  connection.listen();
}
