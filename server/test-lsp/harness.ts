/**
 * A small LSP client for tests: it spawns the real bundled server over stdio and speaks to it
 * through vscode-languageserver-protocol, so every test exercises the same path an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  CodeActionRequest, ConfigurationRequest, createProtocolConnection, DefinitionRequest, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, ExitNotification, HoverRequest,
  InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type CodeAction, type CodeActionContext, type Command, type Definition, type DefinitionLink,
  type Diagnostic, type DocumentSymbol, type Hover, type InitializeResult, type Position, type ProtocolConnection,
  type PublishDiagnosticsParams, type Range, type SymbolInformation, type TextDocumentContentChangeEvent, type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { applyContentChange, REPO_ROOT } from './text';

export { REPO_ROOT } from './text';

/** How long a test waits for any single server event before failing. */
export const EVENT_TIMEOUT_MS = 20_000;

/** How to start and initialize a server. */
export interface StartOptions {
  /** The command line after `node`; defaults to the bundled server with `--stdio`. */
  readonly args?: readonly string[];
  readonly locale?: string;
  readonly workspaceFolders?: readonly WorkspaceFolder[];
  /** When set, the client advertises `workspace/configuration` and answers with these settings. */
  readonly settings?: unknown;
  readonly capabilities?: ClientCapabilities;
}

interface Waiter {
  readonly matches: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

/** Rejects when `promise` has not settled within `ms`; a timeout, not a sleep. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A running server plus the client side of its connection. */
export class LspClient {
  /** Settings returned for every `workspace/configuration` item; tests may replace them. */
  settings: unknown;
  /** The server's answer to `initialize`, once sent. */
  initializeResult: InitializeResult | undefined;
  /** Every `window/logMessage` text and stderr chunk, for failure messages. */
  readonly logs: string[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly logWaiters = new Set<{ readonly pattern: RegExp; readonly resolve: (message: string) => void }>();
  private readonly docs = new Map<string, { text: string; version: number }>();
  /** Logs and publications in the order they arrived. */
  private readonly timeline: ({ readonly log: string } | { readonly publish: PublishDiagnosticsParams })[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, settings: unknown) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.onPublish(p));
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.timeline.push({ log: p.message });
      for (const waiter of [...this.logWaiters]) {
        if (!waiter.pattern.test(p.message)) continue;
        this.logWaiters.delete(waiter);
        waiter.resolve(p.message);
      }
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Spawns the server and connects to it, without initializing. */
  static spawn(options: StartOptions = {}): LspClient {
    const args = options.args ?? [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'];
    const child = spawn(process.execPath, [...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('server process has no stdio pipes');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const client = new LspClient(child, connection, options.settings);
    child.stderr?.on('data', (chunk: Buffer) => void client.logs.push(`stderr: ${chunk.toString('utf8')}`));
    return client;
  }

  /** Sends `initialize` and `initialized`, returning the server's answer. */
  async initialize(options: StartOptions = {}): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true } },
    };
    const result = await withTimeout(this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ? [...options.workspaceFolders] : null,
      capabilities,
      ...(options.locale ? { locale: options.locale } : {}),
    }), EVENT_TIMEOUT_MS, 'initialize');
    this.initializeResult = result;
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Whether the server process is still running. */
  isAlive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The text the client believes a document has. */
  textOf(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.text;
  }

  /** Opens a document (version 1) and resolves with its first diagnostics. */
  async open(uri: string, text: string, timeoutMs = EVENT_TIMEOUT_MS): Promise<Diagnostic[]> {
    this.docs.set(uri, { text, version: 1 });
    const published = this.diagnostics(uri, 1, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vn-article', version: 1, text } });
    return (await published).diagnostics;
  }

  /** Applies incremental or full changes as the next version and resolves with that version's diagnostics. */
  async change(uri: string, changes: readonly TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    doc.version++;
    doc.text = changes.reduce(applyContentChange, doc.text);
    const published = this.diagnostics(uri, doc.version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version }, contentChanges: [...changes],
    });
    return (await published).diagnostics;
  }

  /** Replaces the settings, notifies the server, and resolves with the next diagnostics of `uri`. */
  async changeSettings(settings: unknown, uri: string): Promise<Diagnostic[]> {
    this.settings = settings;
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    return (await published).diagnostics;
  }

  /** The first publication for `uri` at `version`, including one that already arrived. */
  diagnostics(uri: string, version: number, timeoutMs = EVENT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const matches = (p: PublishDiagnosticsParams): boolean => p.uri === uri && p.version === version;
    const earlier = this.published.find(matches);
    return earlier ? Promise.resolve(earlier) : this.waitFor(matches, `diagnostics of ${uri} v${version}`, timeoutMs);
  }

  /** The next server log message matching the pattern that arrives after this call. */
  nextLog(pattern: RegExp, timeoutMs = EVENT_TIMEOUT_MS): Promise<string> {
    return withTimeout(new Promise<string>((resolve) => void this.logWaiters.add({ pattern, resolve })), timeoutMs, `a log matching ${pattern}`);
  }

  /** The first server log message matching the pattern, one that already arrived or the next. */
  log(pattern: RegExp, timeoutMs = EVENT_TIMEOUT_MS): Promise<string> {
    const earlier = this.timeline.find((e): e is { readonly log: string } => 'log' in e && pattern.test(e.log));
    return earlier ? Promise.resolve(earlier.log) : this.nextLog(pattern, timeoutMs);
  }

  /** A point in the order of logs and publications received so far, for `publicationAfterLog`. */
  mark(): number {
    return this.timeline.length;
  }

  /**
   * The first publication for `uri` after the first log matching `pattern` received after `since` (a `mark()`),
   * including ones that already arrived: a test waits for what an event caused, not for whatever comes next.
   */
  publicationAfterLog(pattern: RegExp, uri: string, since = 0): Promise<PublishDiagnosticsParams> {
    const logAt = this.timeline.findIndex((e, i) => i >= since && 'log' in e && pattern.test(e.log));
    if (logAt >= 0) {
      for (const e of this.timeline.slice(logAt + 1)) if ('publish' in e && e.publish.uri === uri) return Promise.resolve(e.publish);
      return this.nextDiagnostics(uri);
    }
    // Registered from the log handler itself, so a publication right behind the log is not missed.
    const after = new Promise<PublishDiagnosticsParams>((resolve, reject) => void this.logWaiters.add({ pattern, resolve: () => void this.nextDiagnostics(uri).then(resolve, reject) }));
    return withTimeout(after, EVENT_TIMEOUT_MS, `diagnostics of ${uri} after a log matching ${pattern}`);
  }

  /** Every publication for `uri` so far. */
  allDiagnostics(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** The last publication for `uri` so far, if any. */
  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.filter((p) => p.uri === uri).pop();
  }

  /** The next publication for any document. */
  nextPublish(timeoutMs = EVENT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => true, 'any diagnostics', timeoutMs);
  }

  /** The next publication for `uri` that arrives after this call. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return this.waitFor((p) => p.uri === uri, `new diagnostics of ${uri}`, EVENT_TIMEOUT_MS);
  }

  /** `textDocument/hover`. */
  hover(uri: string, position: Position): Promise<Hover | null> {
    return withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), EVENT_TIMEOUT_MS, 'hover');
  }

  /** `textDocument/definition`. */
  definition(uri: string, position: Position): Promise<Definition | DefinitionLink[] | null> {
    return withTimeout(this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }), EVENT_TIMEOUT_MS, 'definition');
  }

  /** `textDocument/documentSymbol`. */
  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return withTimeout(this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), EVENT_TIMEOUT_MS, 'documentSymbol');
  }

  /** `textDocument/codeAction`. */
  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(Command | CodeAction)[] | null> {
    return withTimeout(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }), EVENT_TIMEOUT_MS, 'codeAction');
  }

  /** Sends shutdown and exit, then kills the process if it has not gone within the timeout. */
  async close(): Promise<void> {
    try {
      if (this.isAlive()) {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(this.exited, 5_000, 'server exit');
      }
    } finally {
      this.connection.dispose();
      if (this.isAlive()) this.child.kill('SIGKILL');
    }
  }

  /**
   * Resolves with a publish for the uri that satisfies `matches`: the latest received after its first `skip`
   * publishes, else the next to come.
   */
  waitForPublish(uri: string, matches: (p: PublishDiagnosticsParams) => boolean, skip = 0, timeoutMs = EVENT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const earlier = this.allDiagnostics(uri).slice(skip).filter(matches).pop();
    return earlier ? Promise.resolve(earlier) : this.waitFor((p) => p.uri === uri && matches(p), `a matching publish for ${uri}`, timeoutMs);
  }

  private waitFor(matches: (p: PublishDiagnosticsParams) => boolean, what: string, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    let waiter: Waiter | undefined;
    const found = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = { matches, resolve };
      this.waiters.add(waiter);
    });
    const exited = this.exited.then((code): never => {
      throw new Error(`server exited (code ${String(code)}) while waiting for ${what}`);
    });
    return withTimeout(Promise.race([found, exited]), timeoutMs, what)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}\nlast server logs:\n${this.logs.slice(-10).join('\n')}`);
      })
      .finally(() => {
        if (waiter) this.waiters.delete(waiter);
      });
  }

  private onPublish(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    this.timeline.push({ publish: params });
    for (const waiter of this.waiters) {
      if (!waiter.matches(params)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(params);
    }
  }
}

/** Spawns and initializes a server; pair it with `client.close()` in `after`. */
export async function startServer(options: StartOptions = {}): Promise<LspClient> {
  const client = LspClient.spawn(options);
  try {
    await client.initialize(options);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return client;
}
