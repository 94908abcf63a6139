/**
 * A minimal LSP client for the benchmark: spawns the bundled server over stdio and talks to it through
 * vscode-languageserver-protocol, recording when each publishDiagnostics and log message arrives.
 * Unlike the test harness it keeps no copy of document text, so the client's own work stays out of the timings.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

/** Rejects when `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A running server and the client end of its connection. */
export class BenchClient {
  constructor(child, connection, spawnedAt) {
    this.child = child;
    this.connection = connection;
    this.spawnedAt = spawnedAt;
    this.logs = [];
    this.logWaiters = [];
    this.diagWaiters = new Map();
    this.arrived = new Map();
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    connection.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => this.onDiagnostics(p));
    connection.onNotification(rpc.LogMessageNotification.type, (p) => this.onLog(p.message));
    // An editor answers configuration requests; an empty object means "all defaults".
    connection.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    connection.onRequest(rpc.RegistrationRequest.type, () => undefined);
    connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => undefined);
    child.stderr.on('data', (chunk) => this.onLog(`stderr: ${chunk.toString('utf8')}`));
  }

  /**
   * Spawns `node dist/server.js --stdio` from the repository, with `env` added to the environment;
   * `VN_CORPUS_BENCH_NODE_ARGS` (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to that node.
   */
  static spawn(repo, { env } = {}) {
    const spawnedAt = performance.now();
    const nodeArgs = (process.env.VN_CORPUS_BENCH_NODE_ARGS ?? '').split(/\s+/u).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, path.join(repo, 'dist', 'server.js'), '--stdio'], { cwd: repo, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    connection.listen();
    return new BenchClient(child, connection, spawnedAt);
  }

  /**
   * Sends initialize (and initialized), resolving with the time the answer took from spawn. With `pull`, the client
   * declares what VS Code's does for pulled diagnostics (`textDocument/diagnostic`, refresh support), so the server
   * answers pulls instead of pushing an open document's diagnostics.
   */
  async initialize({ workspace, cacheDir, pull = false } = {}) {
    const folders = workspace ? [{ uri: pathToFileURL(workspace).toString(), name: path.basename(workspace) }] : null;
    await withTimeout(this.connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
        // What VS Code's client declares, so the diagnostics carry what they carry there.
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
        },
      },
      ...(cacheDir ? { initializationOptions: { cacheDir } } : {}),
    }), 30_000, 'initialize');
    const readyMs = performance.now() - this.spawnedAt;
    await this.connection.sendNotification(rpc.InitializedNotification.type, {});
    return readyMs;
  }

  /** Resolves with the first log message matching `pattern` (already received or future) and its arrival time. */
  waitForLog(pattern, timeoutMs) {
    const earlier = this.logs.find((l) => pattern.test(l.message));
    if (earlier) return Promise.resolve(earlier);
    const found = new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
    return withTimeout(Promise.race([found, this.exitedError('a log message')]), timeoutMs, `log ${pattern}`);
  }

  /** Resolves with { at, count } when diagnostics for (uri, version) arrive. */
  waitForDiagnostics(uri, version, timeoutMs) {
    const key = `${uri}#${version}`;
    const earlier = this.arrived.get(key);
    if (earlier) return Promise.resolve(earlier);
    const found = new Promise((resolve) => this.diagWaiters.set(key, resolve));
    return withTimeout(Promise.race([found, this.exitedError(`diagnostics ${key}`)]), timeoutMs, `diagnostics of ${key}`);
  }

  /** didOpen, resolving when the first diagnostics arrive. */
  async open(uri, text, timeoutMs) {
    const waiting = this.waitForDiagnostics(uri, 1, timeoutMs);
    await this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
    return waiting;
  }

  /** Sends one incremental didChange; resolves with the time it was handed to the transport. */
  async change(uri, version, range, text) {
    const sentAt = performance.now();
    await this.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return sentAt;
  }

  /** didOpen without waiting for anything (a client that pulls gets no publish for it). */
  async openOnly(uri, text) {
    await this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
  }

  /**
   * textDocument/diagnostic with the result id the client holds, as VS Code sends it after each change; resolves with
   * { at, kind, resultId, count } when the answer arrives, pulling again when the server cancelled it.
   */
  async pull(uri, previousResultId, timeoutMs = 30_000) {
    for (;;) {
      try {
        const report = await withTimeout(this.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }), timeoutMs, `pull of ${uri}`);
        return { at: performance.now(), kind: report.kind, resultId: report.resultId, count: report.kind === 'full' ? report.items.length : undefined };
      } catch (error) {
        if (!(error instanceof rpc.ResponseError) || error.code !== rpc.LSPErrorCodes.ServerCancelled) throw error;
      }
    }
  }

  /** textDocument/hover. */
  hover(uri, position, timeoutMs = 30_000) {
    return withTimeout(this.connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position }), timeoutMs, 'hover');
  }

  /** Shutdown and exit, then SIGKILL if the process lingers. */
  async close() {
    try {
      if (this.child.exitCode === null) {
        await withTimeout(this.connection.sendRequest(rpc.ShutdownRequest.type), 10_000, 'shutdown');
        await this.connection.sendNotification(rpc.ExitNotification.type);
        await withTimeout(this.exited, 10_000, 'exit');
      }
    } catch {
      // Falls through to the kill below.
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    }
  }

  exitedError(what) {
    return this.exited.then((code) => {
      throw new Error(`server exited (${code}) while waiting for ${what}; last logs: ${this.logs.slice(-5).map((l) => l.message).join(' | ')}`);
    });
  }

  onDiagnostics(params) {
    const key = `${params.uri}#${params.version}`;
    const entry = { at: performance.now(), count: params.diagnostics.length };
    this.arrived.set(key, entry);
    const waiter = this.diagWaiters.get(key);
    if (waiter) {
      this.diagWaiters.delete(key);
      waiter(entry);
    }
  }

  onLog(message) {
    const entry = { at: performance.now(), message };
    this.logs.push(entry);
    for (const w of [...this.logWaiters]) {
      if (!w.pattern.test(message)) continue;
      this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
      w.resolve(entry);
    }
  }
}
