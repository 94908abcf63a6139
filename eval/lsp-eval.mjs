/**
 * The evaluation's view of the real server: spawns `dist/server.js --stdio` through the benchmark's client,
 * keeps every published diagnostic, asks for the file-wide fix-all, and turns both into line numbers and text.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient, withTimeout } from '../bench/lsp-client.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const FIX_ALL_KIND = 'source.fixAll.vn-corpus';
const TIMEOUT_MS = 60_000;

/** A BenchClient that also keeps the diagnostics themselves, not just when they arrived. */
class EvalClient extends BenchClient {
  constructor(...args) {
    super(...args);
    this.published = new Map();
  }

  onDiagnostics(params) {
    this.published.set(`${params.uri}#${params.version}`, params.diagnostics);
    super.onDiagnostics(params);
  }
}

/** Starts the server with no workspace folder, so each page is judged alone (no corpus recurrence). */
export async function startServer(repo) {
  const child = spawn(process.execPath, [path.join(repo, 'dist', 'server.js'), '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.listen();
  const client = new EvalClient(child, connection, performance.now());
  await client.initialize();
  return client;
}

/** Opens `text` as a Vietnamese article and returns its diagnostics and the fix-all edits the server offers. */
export async function lintThroughServer(client, file, text) {
  const uri = pathToFileURL(file).toString();
  await client.open(uri, text, TIMEOUT_MS);
  const diagnostics = client.published.get(`${uri}#1`) ?? [];
  const lines = splitLines(text);
  const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  const actions = await withTimeout(client.connection.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end },
    context: { diagnostics: [], only: [FIX_ALL_KIND] },
  }), TIMEOUT_MS, 'fix-all code action');
  const fixAll = (actions ?? []).find((a) => a.kind === FIX_ALL_KIND);
  const edits = fixAll?.edit?.changes?.[uri] ?? [];
  await client.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  return { diagnostics, fixedText: applyTextEdits(text, edits) };
}

/** Lines wholly covered by a boilerplate diagnostic of tier certain or probable (weak hints are not flags), or certain only. */
export function flaggedLines(diagnostics, text, { certainOnly = false } = {}) {
  const lines = splitLines(text);
  const flagged = new Set();
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || !d.code.startsWith('boilerplate/') || d.data?.tier === 'weak' || (certainOnly && d.data?.tier !== 'certain')) continue;
    const { start, end } = d.range;
    for (let l = start.line; l <= end.line; l++) {
      const startsBefore = l > start.line || start.character === 0;
      const endsAfter = l < end.line || end.character >= (lines[l] ?? '').length;
      if (startsBefore && endsAfter) flagged.add(l);
    }
  }
  return flagged;
}

/** The text's lines, splitting on LF, CRLF and CR as the server does. */
export function splitLines(text) {
  return text.split(/\r\n|\r|\n/u);
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

/** Applies LSP text edits (non-overlapping, any order) to `text`. */
export function applyTextEdits(text, edits) {
  const starts = lineStarts(text);
  const offset = (p) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
