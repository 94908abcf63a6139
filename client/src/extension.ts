import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { Settings } from '../../server/src/protocol';
import { matchesAnyGlob } from '../../server/src/node/globs';
import { MeetingsView } from './meetings-view';
import { registerReport } from './report-panel';
import { registerSiteProfiles } from './site-profiles-view';

const LANGUAGE_ID = 'vn-article';
let client: LanguageClient | undefined;

/** Starts the language server and registers the extension's commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('vnCorpus.treatAsArticle', (uri?: unknown) => treatAsArticle(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('vnCorpus.restartServer', () => client?.restart()),
    vscode.workspace.onDidOpenTextDocument((doc) => void applyFileSetting(doc)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('vnCorpus.files')) for (const doc of vscode.workspace.textDocuments) void applyFileSetting(doc);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void applyFileSetting(doc);
  let started: (client: LanguageClient) => void = () => undefined;
  const ready = new Promise<LanguageClient>((resolve) => (started = resolve));
  const meetings = new MeetingsView(ready);
  registerReport(context, ready);
  registerSiteProfiles(context, ready);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('vnCorpus.meetings', meetings),
    vscode.commands.registerCommand('vnCorpus.refreshMeetings', () => meetings.refresh()),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId === LANGUAGE_ID) meetings.refresh();
    }),
  );
  client = createClient(context);
  await client.start();
  started(client);
  await vscode.commands.executeCommand('setContext', 'vnCorpus.active', true);
  meetings.refresh();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.vn-corpus/*.json'), vscode.workspace.createFileSystemWatcher('**/*.txt')],
    },
    // A function, so a restart after the workspace is trusted tells the server so.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, cacheDir: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath }),
  };
  return new LanguageClient('vnCorpus', 'Vietnamese News Corpus', serverOptions, clientOptions);
}

/** Switches a plain-text document to the article language when it matches `vnCorpus.files`. */
async function applyFileSetting(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
  const files = vscode.workspace.getConfiguration('vnCorpus', doc.uri).get<Settings['files']>('files', []);
  const relative = vscode.workspace.asRelativePath(doc.uri, false);
  if (Array.isArray(files) && matchesAnyGlob(files, relative, doc.uri.fsPath)) {
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
}

/** "Treat this file as a Vietnamese article": switch it (the given file, or the active one) and remember it in the workspace settings. */
async function treatAsArticle(uri: vscode.Uri | undefined): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file first.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const config = vscode.workspace.getConfiguration('vnCorpus', doc.uri);
  const files = config.get<string[]>('files', []);
  const entry = vscode.workspace.getWorkspaceFolder(doc.uri) ? vscode.workspace.asRelativePath(doc.uri, false) : doc.uri.fsPath;
  if (!files.includes(entry)) {
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('files', [...files, entry], target);
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} is now treated as a Vietnamese article', path.basename(doc.uri.fsPath)), 4000);
}
