import * as languageServer from 'vscode-languageserver';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import * as textDocument from 'vscode-languageserver-textdocument';
import { diagnosticsReusingEncoder } from './lsp/message-encoder';
import { startServer, type StartHooks } from './lsp/server';
import { rulesDocsBase } from './node/rule-docs';

/** Starts the language server on the transport named on the command line (`--stdio`, `--node-ipc`). */
export function main(hooks: StartHooks = {}): void {
  // A bug in one handler must not take the server down: report it on stderr (stdout may carry the protocol) and go on.
  process.on('uncaughtException', (error) => process.stderr.write(`vn-corpus: uncaught error: ${error.stack ?? String(error)}\n`));
  process.on('unhandledRejection', (reason) => process.stderr.write(`vn-corpus: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`));
  startServer(connect(), rulesDocsBase(), hooks);
}

/**
 * The connection on the transport the command line names. Over stdio, diagnostics already sent are not encoded
 * again (`diagnosticsReusingEncoder`); console output, which would corrupt the protocol on stdout, goes to stderr.
 */
function connect(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  const toStderr = (...args: unknown[]): void => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsReusingEncoder() });
  // Given stdin as a stream, the library still ends the process when stdin closes; it takes a writer in place of
  // stdout at run time (anything without stream listeners), which its typings only allow with a reader too.
  return createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
}

/** The protocol modules, for the feature bundle that `dist/server.js` loads after `initialize` (one copy of each). */
export const sharedModules = { 'vscode-languageserver': languageServer, 'vscode-languageserver-textdocument': textDocument };

if (require.main === module) main();
