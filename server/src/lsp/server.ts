import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale } from '../core/i18n/localize';
import { FIX_ALL_KIND } from '../protocol';
import { AnalysisService } from './analysis-service';
import { toCodeActions } from './code-actions';
import { toDiagnostic, toOffset } from './convert';
import { toCatalogLocation } from './definition';
import { guard } from './guard';
import { referenceAt, toHover } from './hover';
import { toLogger } from './logger';
import { SettingsStore } from './settings-store';
import { toDocumentSymbols } from './symbols';

/** Options the client may pass in `initializationOptions`. */
interface InitOptions {
  readonly trusted?: boolean;
}

/** Wires every LSP feature to the connection and starts listening. */
export function startServer(connection: Connection): void {
  const logger = toLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString();
  let locale = toLocale(undefined);
  let store: SettingsStore | undefined;
  let trusted = true;
  let service: AnalysisService | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = toLocale(params.locale);
    const init = (params.initializationOptions ?? {}) as InitOptions;
    trusted = init.trusted !== false;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : undefined;
    const canAsk = params.capabilities.workspace?.configuration === true;
    store = new SettingsStore(connection, logger, root, locale, canAsk, () => trusted);
    const settings = store;
    service = new AnalysisService((uri) => settings.optionsFor(uri), logger);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: { label: 'Vietnamese article' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'vn-corpus', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vnCorpus' }).catch(() => undefined);
  });

  const publish = async (doc: TextDocument): Promise<void> => {
    if (!service) return;
    const analysis = await service.refresh(doc);
    if (!analysis || documents.get(doc.uri)?.version !== doc.version) return;
    const diagnostics = analysis.findings.map((f, i) => toDiagnostic(analysis.doc.lines, f, i, docsBase));
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  const republishAll = (): void => {
    store?.clear();
    service?.invalidateAll();
    for (const doc of documents.all()) void guard(logger, 'publish', undefined, publish)(doc);
  };

  documents.onDidOpen((e) => void guard(logger, 'publish', undefined, publish)(e.document));
  documents.onDidChangeContent((e) => void guard(logger, 'publish', undefined, publish)(e.document));
  documents.onDidClose((e) => {
    service?.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => republishAll());
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.includes('/.vn-corpus/') || c.uri.endsWith('.json'))) republishAll();
  });

  const analysisOf = async (uri: string, isCancelled: () => boolean) => {
    const doc = documents.get(uri);
    return doc && service ? service.get(doc, isCancelled) : undefined;
  };

  connection.onHover(guard(logger, 'hover', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    if (!analysis || !store) return null;
    const settings = await store.settingsFor(params.textDocument.uri);
    return toHover(analysis, toOffset(analysis.doc.lines, params.position), locale, settings.hover.englishGloss);
  }));

  connection.onDefinition(guard(logger, 'definition', null, async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    const found = analysis ? referenceAt(analysis, toOffset(analysis.doc.lines, params.position)) : undefined;
    return found?.resolution.status === 'resolved' && found.resolution.entry ? toCatalogLocation(found.resolution.entry) : null;
  }));

  connection.onDocumentSymbol(guard(logger, 'documentSymbol', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis ? toDocumentSymbols(analysis, locale) : [];
  }));

  connection.onCodeAction(guard(logger, 'codeAction', [], async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, () => token.isCancellationRequested);
    return analysis ? toCodeActions(analysis, params, locale, docsBase) : [];
  }));

  documents.listen(connection);
  connection.listen();
}
