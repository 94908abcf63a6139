import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { buildReport } from '../core/report/corpus-report';
import { summarizeFile, type FileSummary } from '../core/report/file-summary';
import { INDEX_STATUS_NOTIFICATION, REPORT_NOTIFICATION, REPORT_REQUEST, type IndexStatus, type ReportUpdate } from '../protocol';
import type { Logger } from '../core/types';
import { analyzeClosedFile } from './closed-files';
import { guard } from './guard';
import type { ServerState } from './state';

/** How often (at most) a partial report is pushed while the corpus is summarised. */
const PUSH_EVERY_MS = 400;
/** The first partial report goes out after this many files, so a large corpus shows something at once. */
const FIRST_PUSH_FILES = 25;

/**
 * Keeps the corpus report: summarises every indexed file (open documents from the editor's text), caches the
 * summaries per file and modification time, pushes partial reports while it works, and starts over when the index
 * or the settings change. Also tells the client where indexing stands, for the status bar.
 */
export class ReportService {
  private version = 0;
  private readonly cache = new Map<string, { readonly mtimeMs: number; readonly version: number; readonly summary: FileSummary }>();
  private latest: ReportUpdate | undefined;
  private running: Promise<ReportUpdate> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection, private readonly state: () => ServerState | undefined) {}

  /** The index or settings changed: summaries are stale; recompute soon, off the request path, for the totals and any open report. */
  invalidate(): void {
    this.version++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.report().catch(() => undefined);
    }, 500);
  }

  /** Indexing progress, forwarded to the client. */
  indexing(done: number, total: number): void {
    this.sendStatus(done < total, done, total, 'index');
  }

  /** The complete current report, computing what is stale. */
  async report(): Promise<ReportUpdate> {
    for (;;) {
      if (this.latest && this.latest.version === this.version && this.latest.done === this.latest.total) return this.latest;
      this.running ??= this.compute().finally(() => { this.running = undefined; });
      const update = await this.running;
      if (update.version === this.version) return update;
    }
  }

  private async compute(): Promise<ReportUpdate> {
    const version = this.version;
    const state = this.state();
    const files = state?.index?.indexedFiles ?? [];
    const root = state?.root ?? '';
    const summaries: FileSummary[] = [];
    const problems: { path: string; problem: string }[] = [];
    let pushed = Date.now();
    const push = (done: number): ReportUpdate => {
      const update: ReportUpdate = { version, done, total: files.length, report: buildReport(summaries, problems) };
      this.latest = update;
      void this.connection.sendNotification(REPORT_NOTIFICATION, update);
      this.sendStatus(done < files.length, done, files.length, 'report');
      return update;
    };
    for (const [i, file] of files.entries()) {
      if (version !== this.version || !state) return { version, done: i, total: files.length, report: buildReport(summaries, problems) };
      const rel = path.relative(root, file).split(path.sep).join('/');
      const summary = await this.summaryOf(state, file, rel, path.basename(root), version);
      if ('problem' in summary) problems.push({ path: rel, problem: summary.problem });
      else summaries.push(summary);
      if (Date.now() - pushed > PUSH_EVERY_MS || (i + 1 === FIRST_PUSH_FILES && files.length > FIRST_PUSH_FILES)) {
        push(i + 1);
        pushed = Date.now();
      }
    }
    return push(files.length);
  }

  private async summaryOf(state: ServerState, file: string, rel: string, rootName: string, version: number): Promise<FileSummary | { problem: string }> {
    const uri = pathToFileURL(file).toString();
    const open = state.documents.get(uri);
    if (open) {
      const analysis = await state.service.get(open);
      return analysis ? summarizeFile(uri, rel, rootName, analysis) : { problem: 'analysis cancelled' };
    }
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch (error) {
      return { problem: (error as Error).message };
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.version === version) return cached.summary;
    const closed = await analyzeClosedFile(file, state.optionsFor);
    if ('problem' in closed) return { problem: closed.problem };
    const summary = summarizeFile(uri, rel, rootName, closed.analysis);
    this.cache.set(file, { mtimeMs, version, summary });
    return summary;
  }

  private sendStatus(indexing: boolean, done: number, total: number, phase: IndexStatus['phase']): void {
    const complete = this.latest && this.latest.version === this.version && this.latest.done === this.latest.total ? this.latest : undefined;
    const status: IndexStatus = { indexing, phase, done, total, ...(complete ? { totals: complete.report.totals } : {}) };
    void this.connection.sendNotification(INDEX_STATUS_NOTIFICATION, status);
  }
}

/** Serves the report request and follows the index: progress for the status bar, a fresh report after each change. */
export function registerReport(connection: Connection, logger: Logger, state: ServerState): ReportService {
  const service = new ReportService(connection, () => state);
  if (state.index) {
    state.index.progressListener = (done, total) => {
      service.indexing(done, total);
      if (done === total) service.invalidate();
    };
  }
  connection.onRequest(REPORT_REQUEST, guard(logger, 'report', null, () => service.report()));
  return service;
}
