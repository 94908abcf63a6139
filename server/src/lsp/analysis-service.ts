import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSteps, type Analysis, type AnalysisOptions } from '../core/analyze';
import { AnalysisCancelled, type Logger } from '../core/types';

interface CacheEntry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Analysis;
}

interface Job {
  cancelled: boolean;
}

/**
 * Caches analysis per (uri, version, generation) and runs background analysis in slices,
 * yielding to the event loop between rules so requests are answered while a large file is analysed.
 */
export class AnalysisService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly jobs = new Map<string, Job>();
  private generation = 0;

  constructor(
    private readonly optionsFor: (uri: string) => Promise<AnalysisOptions>,
    private readonly logger: Logger,
  ) {}

  /** Forgets every result, e.g. after settings or catalogs changed. */
  invalidateAll(): void {
    this.generation++;
    this.cache.clear();
  }

  /** Forgets one document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    const job = this.jobs.get(uri);
    if (job) job.cancelled = true;
    this.jobs.delete(uri);
  }

  /** The cached analysis of exactly this document version, if any. */
  cached(doc: TextDocument): Analysis | undefined {
    const entry = this.cache.get(doc.uri);
    return entry && entry.version === doc.version && entry.generation === this.generation ? entry.analysis : undefined;
  }

  /** The analysis of this version: cached, or computed now (cancellable through `isCancelled`). */
  async get(doc: TextDocument, isCancelled: () => boolean = () => false): Promise<Analysis | undefined> {
    const hit = this.cached(doc);
    if (hit) return hit;
    return this.run(doc, { cancelled: false }, isCancelled);
  }

  /** Starts a background analysis of the document, cancelling the previous one. */
  async refresh(doc: TextDocument): Promise<Analysis | undefined> {
    const previous = this.jobs.get(doc.uri);
    if (previous) previous.cancelled = true;
    const job: Job = { cancelled: false };
    this.jobs.set(doc.uri, job);
    try {
      return await this.run(doc, job, () => false);
    } finally {
      if (this.jobs.get(doc.uri) === job) this.jobs.delete(doc.uri);
    }
  }

  private async run(doc: TextDocument, job: Job, isCancelled: () => boolean): Promise<Analysis | undefined> {
    const generation = this.generation;
    const version = doc.version;
    const options = await this.optionsFor(doc.uri);
    const cancel = { isCancelled: () => job.cancelled || isCancelled() || generation !== this.generation };
    try {
      const steps = analyzeSteps(doc.getText(), options, cancel, this.logger);
      for (;;) {
        const next = steps.next();
        if (next.done) {
          this.cache.set(doc.uri, { version, generation, analysis: next.value });
          return next.value;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (cancel.isCancelled()) return undefined;
      }
    } catch (error) {
      if (!(error instanceof AnalysisCancelled)) this.logger.log('error', `analysis of ${doc.uri} failed`, error instanceof Error ? error.stack : error);
      return undefined;
    }
  }
}
