import * as languageServer from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import * as textDocument from 'vscode-languageserver-textdocument';
import { startServer, type StartHooks } from './lsp/server';
import { rulesDocsBase } from './node/rule-docs';

/** Starts the language server on the transport named on the command line (`--stdio`, `--node-ipc`). */
export function main(hooks: StartHooks = {}): void {
  // A bug in one handler must not take the server down: report it on stderr (stdout may carry the protocol) and go on.
  process.on('uncaughtException', (error) => process.stderr.write(`vn-corpus: uncaught error: ${error.stack ?? String(error)}\n`));
  process.on('unhandledRejection', (reason) => process.stderr.write(`vn-corpus: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`));
  startServer(createConnection(ProposedFeatures.all), rulesDocsBase(), hooks);
}

/** The protocol modules, for the feature bundle that `dist/server.js` loads after `initialize` (one copy of each). */
export const sharedModules = { 'vscode-languageserver': languageServer, 'vscode-languageserver-textdocument': textDocument };

if (require.main === module) main();
