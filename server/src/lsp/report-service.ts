import type { Connection } from 'vscode-languageserver';
import { buildReport } from '../core/report/corpus-report';
import type { Logger } from '../core/types';
import { ReportSummaries } from '../node/report-summaries';
import { INDEX_STATUS_NOTIFICATION, REPORT_NOTIFICATION, REPORT_REQUEST, type IndexStatus, type ReportUpdate } from '../protocol';
import { guard } from './guard';
import type { ServerState } from './state';

/** Partial reports at most this often, and once after this many files. */
const PUSH_POLICY = { everyMs: 400, firstAfter: 25 };

/**
 * Keeps the corpus report: summarises the corpus through `ReportSummaries`, pushes partial reports while it works,
 * and starts over when the index or the settings change. Also tells the client where indexing stands, for the status bar.
 */
export class ReportService {
  private version = 0;
  private latest: ReportUpdate | undefined;
  private running: Promise<ReportUpdate> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection, private readonly summaries: ReportSummaries | undefined) {}

  /** The index or settings changed: summaries are stale; recompute soon, off the request path, for the totals and any open report. */
  invalidate(): void {
    this.version++;
    this.summaries?.clear();
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
    const publish = (p: { done: number; total: number; report: ReportUpdate['report'] }): ReportUpdate => {
      const update: ReportUpdate = { version, ...p };
      this.latest = update;
      void this.connection.sendNotification(REPORT_NOTIFICATION, update);
      this.sendStatus(p.done < p.total, p.done, p.total, 'report');
      return update;
    };
    if (!this.summaries) return publish({ done: 0, total: 0, report: buildReport([]) });
    const final = await this.summaries.build(() => version !== this.version, publish, PUSH_POLICY);
    return final ? publish(final) : { version, done: 0, total: 1, report: buildReport([]) };
  }

  private sendStatus(indexing: boolean, done: number, total: number, phase: IndexStatus['phase']): void {
    const complete = this.latest && this.latest.version === this.version && this.latest.done === this.latest.total ? this.latest : undefined;
    const status: IndexStatus = { indexing, phase, done, total, ...(complete ? { totals: complete.report.totals } : {}) };
    void this.connection.sendNotification(INDEX_STATUS_NOTIFICATION, status);
  }
}

/** Serves the report request and follows the index: progress for the status bar, a fresh report after each change. */
export function registerReport(connection: Connection, logger: Logger, state: ServerState): ReportService {
  const service = new ReportService(connection, state.root ? new ReportSummaries(state.corpus, state.root, state.locale) : undefined);
  if (state.index) {
    state.index.progressListener = (done, total) => {
      service.indexing(done, total);
      if (done === total) service.invalidate();
    };
  }
  connection.onRequest(REPORT_REQUEST, guard(logger, 'report', null, () => {
    state.pacer.touch();
    return service.report();
  }));
  return service;
}
