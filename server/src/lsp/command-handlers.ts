import type { ExecuteCommandParams } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { analyzeClosedFile } from './closed-files';
import { pathToFileURL } from 'node:url';
import { addCatalogStub, COMMANDS, isStubRequest, keepLine, toCleanWorkspaceEdit } from './commands';
import { t } from './messages';
import type { ServerState } from './state';
import { WorkspaceIndex } from './workspace-index';

/** Runs a server command: "Keep this line" or "Clean boilerplate in all corpus files". */
export async function runCommand(state: ServerState, params: ExecuteCommandParams): Promise<unknown> {
  if (params.command === COMMANDS.keepLine) {
    const line = params.arguments?.[0];
    if (typeof line !== 'string') return null;
    if (!state.root) {
      void state.connection.window.showWarningMessage(t(state.locale, 'noWorkspace'));
      return null;
    }
    const file = keepLine(state.root, line);
    state.logger.log('info', `kept ${JSON.stringify(line)} in ${file}`);
    state.republishAll();
    return file;
  }
  if (params.command === COMMANDS.cleanWorkspace) return cleanWorkspace(state);
  if (params.command === COMMANDS.addCatalogStub) {
    const stub = params.arguments?.[0];
    if (!isStubRequest(stub) || !state.root) return null;
    const { file, line } = addCatalogStub(state.root, stub);
    const position = { line, character: 0 };
    void state.connection.window.showDocument({ uri: pathToFileURL(file).toString(), takeFocus: true, selection: { start: position, end: position } }).catch(() => undefined);
    state.republishAll();
    return file;
  }
  return null;
}

async function cleanWorkspace(state: ServerState): Promise<boolean> {
  const files = state.index?.indexedFiles ?? [];
  const targets: { uri: string; version: number | null; analysis: Analysis }[] = [];
  const openUris = new Set(state.documents.all().map((d) => d.uri));
  for (const doc of state.documents.all()) {
    const analysis = await state.service.get(doc);
    if (analysis) targets.push({ uri: doc.uri, version: doc.version, analysis });
  }
  for (const file of files) {
    if (openUris.has(WorkspaceIndex.toUri(file))) continue;
    const closed = await analyzeClosedFile(file, state.optionsFor);
    if ('analysis' in closed) targets.push({ uri: closed.uri, version: null, analysis: closed.analysis });
  }
  const edit = toCleanWorkspaceEdit(targets, t(state.locale, 'cleanLabel'));
  if (!edit) {
    void state.connection.window.showInformationMessage(t(state.locale, 'nothingToClean'));
    return false;
  }
  const result = await state.connection.workspace.applyEdit({ label: t(state.locale, 'cleanLabel'), edit });
  return result.applied;
}
