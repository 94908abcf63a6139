import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest, DocumentDiagnosticRequest, LSPErrorCodes, ResponseError,
  type ClientCapabilities, type Diagnostic, type DocumentDiagnosticReport, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { EVENT_TIMEOUT_MS, LspClient, startServer, withTimeout } from './harness';
import { readSeed } from './text';

/** What VS Code's client declares: it pulls diagnostics and can be asked to pull again. */
const PULLING: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
  },
};

const VIEW_COUNTER = 'Tiêu đề bài viết có bộ đếm lượt xem\nLượt xem: 270\n\nNội dung bài viết về công tác tuyên giáo.\n';

function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-pull-'));
  fs.mkdirSync(path.join(root, 'corpus'));
  fs.writeFileSync(path.join(root, 'corpus', 'b.txt'), VIEW_COUNTER);
  for (const n of [1, 2, 3]) fs.writeFileSync(path.join(root, 'corpus', `a${n}.txt`), `Bài ${n}\n\nNội dung riêng của bài số ${n}.\n`);
  return root;
}

/** A client that pulls, over a real connection: it keeps each document's version and the result id it holds. */
class PullingClient {
  readonly refreshes: number[] = [];
  private readonly versions = new Map<string, number>();
  private readonly held = new Map<string, string>();

  constructor(readonly lsp: LspClient) {
    lsp.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(Date.now());
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
  }

  async change(uri: string, changes: readonly TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [...changes] });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.held.delete(uri);
    await this.lsp.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Pulls with the result id this client holds (or `previousResultId` when given) and keeps the new one. */
  async pull(uri: string, previousResultId = this.held.get(uri)): Promise<DocumentDiagnosticReport> {
    const report = await withTimeout(this.lsp.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri }, ...(previousResultId !== undefined ? { previousResultId } : {}),
    }), EVENT_TIMEOUT_MS, `a pull of ${uri}`);
    if (report.resultId !== undefined) this.held.set(uri, report.resultId);
    return report;
  }
}

const codes = (items: readonly Diagnostic[]): string[] => items.map((d) => String(d.code));
const itemsOf = (report: DocumentDiagnosticReport): Diagnostic[] => {
  assert.equal(report.kind, 'full', `a full report, got ${JSON.stringify(report).slice(0, 200)}`);
  return report.kind === 'full' ? report.items : [];
};

describe('a client that pulls diagnostics (LSP 3.17, as VS Code does)', () => {
  let root: string;
  let lsp: LspClient;
  let client: PullingClient;
  let uri: string;
  before(async () => {
    root = makeWorkspace();
    lsp = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {}, capabilities: PULLING });
    client = new PullingClient(lsp);
    uri = pathToFileURL(path.join(root, 'corpus', 'b.txt')).toString();
    await lsp.log(/^indexed \d+ article files/u);
  });
  after(() => lsp.close());

  it('is offered pulls, and a client that does not pull is not', async () => {
    assert.deepEqual(lsp.initializeResult?.capabilities.diagnosticProvider, { identifier: 'vn-corpus', interFileDependencies: false, workspaceDiagnostics: false });
    const pushed = await startServer();
    try {
      assert.equal(pushed.initializeResult?.capabilities.diagnosticProvider, undefined);
    } finally {
      await pushed.close();
    }
  });

  it('answers a pull with the full set, then "unchanged" after an edit that left every diagnostic as it was', async () => {
    await client.open(uri, VIEW_COUNTER);
    const report = await client.pull(uri);
    const first = itemsOf(report);
    assert.ok(codes(first).includes('boilerplate/view-counter'), `found ${codes(first).join(', ')}`);
    // A letter added to the article's own line (line 4) changes no finding.
    await client.change(uri, [{ range: { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } }, text: 'x' }]);
    assert.deepEqual(await client.pull(uri), { kind: 'unchanged', resultId: report.resultId });
    const again = await client.pull(uri, 'a result id this server never gave');
    assert.deepEqual(itemsOf(again), first, 'a result id the server does not know gets the full set');
    // None of this was pushed: the client shows what it pulled.
    assert.deepEqual(lsp.allDiagnostics(uri), []);
  });

  it('answers with the full set under a new result id when an edit changed a diagnostic', async () => {
    const held = await client.pull(uri);
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    const after = await client.pull(uri);
    assert.notEqual(after.resultId, held.resultId);
    assert.ok(!codes(itemsOf(after)).includes('boilerplate/view-counter'), 'the view counter line is gone');
  });

  it('asks the client to pull again after a settings change, and the pull carries the new settings', async () => {
    const asked = client.refreshes.length;
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Lượt xem: 12\n' }]);
    const before = itemsOf(await client.pull(uri)).find((d) => d.code === 'boilerplate/view-counter');
    assert.equal(before?.severity, 2, 'a warning by default');
    lsp.settings = { rules: { 'boilerplate/view-counter': 'error' } };
    await lsp.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await withTimeout((async () => {
      while (client.refreshes.length === asked) await new Promise((resolve) => setTimeout(resolve, 20));
    })(), EVENT_TIMEOUT_MS, 'workspace/diagnostic/refresh');
    const after = itemsOf(await client.pull(uri)).find((d) => d.code === 'boilerplate/view-counter');
    assert.equal(after?.severity, 1, 'an error now');
    lsp.settings = {};
  });

  it('cancels a pull that a newer version overtook, asking for a new pull, and answers a closed document with nothing', async () => {
    const big = pathToFileURL(path.join(root, 'corpus', 'big.txt')).toString();
    const copies = (seed: string): string => Array.from({ length: 40 }, () => readSeed(seed)).join('\n');
    // Each pull is sent with the notification that overtakes it, without waiting between them, so both are at the
    // server while the analysis of a large text still runs (it yields between its steps).
    const opened = client.open(big, copies('000_2170a959384b290a.txt'));
    const overtaken = client.pull(big);
    await Promise.all([opened, client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }])]);
    const error = await overtaken.then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${JSON.stringify(error)?.slice(0, 200)}`);
    assert.equal(error.code, LSPErrorCodes.ServerCancelled);
    assert.deepEqual(error.data, { retriggerRequest: true });
    assert.ok(itemsOf(await client.pull(big)).length > 0, 'the pull asked for gets the new version\'s diagnostics');
    // A new text, unlike the last one, so its analysis builds little on the last version's.
    const changed = client.change(big, [{ text: copies('004_a3928af7079e8ada.txt') }]);
    const closing = client.pull(big);
    await Promise.all([changed, client.close(big)]);
    assert.deepEqual(await closing, { kind: 'full', items: [] });
    assert.deepEqual(await client.pull(uri.replace('b.txt', 'never-opened.txt')), { kind: 'full', items: [] });
  });
});

describe('a client that pulls, with diagnostics for the whole workspace', () => {
  let root: string;
  let lsp: LspClient;
  let client: PullingClient;
  before(async () => {
    root = makeWorkspace();
    lsp = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: { diagnostics: { scope: 'workspace' } }, capabilities: PULLING });
    client = new PullingClient(lsp);
  });
  after(() => lsp.close());

  it('gets a closed file\'s diagnostics pushed, cleared when it opens (its pulls show them), and pushed again when it closes', async () => {
    const uri = pathToFileURL(path.join(root, 'corpus', 'b.txt')).toString();
    const pushed = await lsp.waitForPublish(uri, (p) => p.diagnostics.length > 0);
    assert.ok(codes(pushed.diagnostics).includes('boilerplate/view-counter'));
    const cleared = lsp.waitForPublish(uri, (p) => p.diagnostics.length === 0, lsp.allDiagnostics(uri).length);
    await client.open(uri, VIEW_COUNTER);
    await cleared;
    assert.deepEqual(codes(itemsOf(await client.pull(uri))), codes(pushed.diagnostics));
    const again = lsp.waitForPublish(uri, (p) => p.diagnostics.length > 0, lsp.allDiagnostics(uri).length);
    await client.close(uri);
    assert.deepEqual(codes((await again).diagnostics), codes(pushed.diagnostics));
  });
});
