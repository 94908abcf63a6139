import type { ExecuteCommandParams } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { toUri } from '../node/corpus';
import { addCatalogStub, keepLine } from '../node/project-edits';
import { COMMANDS, isStubRequest } from './commands';
import { toCleanWorkspaceEdit, toLineLocation } from './convert';
import { t } from './messages';
import type { ServerState } from './state';

/** Runs a server command: "Keep this line", "Clean boilerplate in all corpus files" or "Add a stub catalog entry". */
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
    state.reload();
    return file;
  }
  if (params.command === COMMANDS.cleanWorkspace) return cleanWorkspace(state);
  if (params.command === COMMANDS.addCatalogStub) {
    const stub = params.arguments?.[0];
    if (!isStubRequest(stub) || !state.root) return null;
    const { file, line } = addCatalogStub(state.root, stub);
    const { range } = toLineLocation(toUri(file), line);
    void state.connection.window.showDocument({ uri: toUri(file), takeFocus: true, selection: range }).catch(() => undefined);
    state.reload();
    return file;
  }
  return null;
}

async function cleanWorkspace(state: ServerState): Promise<boolean> {
  const targets: { uri: string; version: number | null; analysis: Analysis }[] = [];
  for await (const entry of state.corpus.openAndIndexed()) if ('analysis' in entry) targets.push(entry);
  const edit = toCleanWorkspaceEdit(targets, t(state.locale, 'cleanLabel'));
  if (!edit) {
    void state.connection.window.showInformationMessage(t(state.locale, 'nothingToClean'));
    return false;
  }
  const result = await state.connection.workspace.applyEdit({ label: t(state.locale, 'cleanLabel'), edit });
  return result.applied;
}
