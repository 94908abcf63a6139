// Reads a document's meetings the way an editor does: through documentSymbol requests to the real server over stdio.
import { createRequire } from 'node:module';
import { BenchClient, withTimeout } from '../bench/lsp-client.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const ISO = /^(\d{4}-\d{2}-\d{2})$/u;
// The meeting kinds the server writes in an Event's detail.
const KINDS = /^(?:hội nghị|hội thảo|họp báo|phiên họp|kỳ họp|cuộc họp|đại hội|tọa đàm|giao ban|buổi làm việc|buổi tiếp xúc|lễ [\p{L} ]+|họp)$/u;

/** Spawns the bundled server and initializes it on a workspace folder, answering configuration with `settings`. */
export async function startServer(repo, workspace, settings = {}) {
  const client = BenchClient.spawn(repo);
  // The editor's answer to workspace/configuration: these `vnCorpus` settings for every item.
  client.connection.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  await client.initialize({ workspace });
  return client;
}

/** Opens a document, reads its outline and closes it; returns its Events with date, kind, organizer and chair. */
export async function outlineOf(client, uri, text) {
  await client.open(uri, text, 60_000);
  const symbols = await withTimeout(client.connection.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } }), 60_000, 'documentSymbol');
  await client.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  const events = [];
  const walk = (list) => {
    for (const s of list ?? []) {
      if (s.kind === rpc.SymbolKind.Event) events.push(toEvent(s));
      else walk(s.children);
    }
  };
  walk(symbols);
  return events;
}

function toEvent(symbol) {
  const detail = symbol.detail ?? '';
  const parts = detail.split(' · ');
  const kind = parts.find((p) => KINDS.test(p)) ?? '';
  const child = (label) => (symbol.children ?? []).find((c) => c.detail === label)?.name;
  return {
    name: symbol.name, kind, detail, line: symbol.selectionRange.start.line,
    date: ISO.exec(parts[0] ?? '')?.[1], when: parts[0] ?? '',
    primary: detail.includes('reported by the lead'),
    organizer: child('Organizer'), chair: child('Chair'),
  };
}
