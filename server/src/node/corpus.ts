import { fileURLToPath, pathToFileURL } from 'node:url';
import { addYearHints, analyze, findingsSteps, meetingsStepsAfter, ruleFindingsSteps, type Analysis, type AnalysisOptions, type Findings, type FindingsAnalysis } from '../core/analyze';
import { withYearHints, type NeighbourHint } from '../core/dates/article-years';
import type { LineFrequencyIndex, RecurrenceIndex } from '../core/corpus/line-frequency';
import { runToEnd } from '../core/steps';
import { AnalysisCancelled, silentLogger, type Logger } from '../core/types';
import { buildIndex, updateIndexedFile, type HashFiles, type IndexProgress } from './corpus-index';
import { NeighbourYears } from './neighbour-years';
import { fileStamp, readText, type ReadResult } from './read-text';
import { nextTurn, noForeground, type Pacer } from './scheduler';

/** A document an editor holds open: its text may differ from the file on disk. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The open documents, as the adapter tracks them. */
export interface OpenDocuments {
  get(uri: string): OpenDocument | undefined;
  all(): readonly OpenDocument[];
}

/**
 * One analysed file (with the open document's version, or null when read from disk), or why it could not be analysed;
 * `FileAnalysis<FindingsAnalysis>` for a command that reads no years or meetings, `FileAnalysis<Findings>` for one
 * that reads no references either.
 */
export type FileAnalysis<A extends Findings = Analysis> =
  | { readonly file: string; readonly uri: string; readonly version: number | null; readonly analysis: A }
  | { readonly file: string; readonly uri: string; readonly problem: string };

/** A closed file the caller answered for from its own cache. */
export interface Reused<T> {
  readonly file: string;
  readonly uri: string;
  readonly cached: T;
}

/** What a corpus needs from its adapter. */
export interface CorpusSetup {
  /** The options for a document before the corpus adds its recurrence index and the document's path. */
  optionsFor(uri: string): Promise<AnalysisOptions> | AnalysisOptions;
  readonly documents?: OpenDocuments;
  readonly logger?: Logger;
  /** A recurrence index built elsewhere (an analysis worker's), used until this corpus indexes files itself. */
  readonly recurrence?: RecurrenceIndex;
  /** Where the index keeps its line hashes between runs. */
  readonly cacheFile?: string;
  /** Up to this many characters of the texts read while indexing are kept for the analysis that follows. */
  readonly keepChars?: number;
  /** How many closed files' analyses are kept for the next request (least recently used go first); none by default. */
  readonly keepAnalyses?: number;
  /** Open documents' analyses run as its foreground; background walks over the corpus wait for it. */
  readonly pacer?: Pacer;
  /** The files do not change while this corpus lives (one CLI run), so what it read of a neighbour's year stays true. */
  readonly filesFixed?: boolean;
}

/** Whether a walk over the corpus answers a request (yields only to let messages in) or runs in the background. */
export type Pace = 'request' | 'background';

interface CacheEntry {
  readonly version: number;
  readonly generation: number;
  readonly findings: FindingsAnalysis;
  /** The options the findings were found with, which the years and meetings are read with too. */
  readonly options: AnalysisOptions;
  /** The run's job: cancelling it stops the reading of years and meetings too. */
  readonly job: { cancelled: boolean };
  /** The whole analysis, once its years and meetings are read too. */
  analysis?: Analysis;
  /** The reading of years and meetings, once something asked for the whole analysis. */
  completing?: Promise<Analysis | undefined>;
}

interface ClosedEntry {
  readonly stamp: string;
  readonly generation: number;
  readonly analysis: Analysis;
}

/** A closed file analysed without year hints, for a neighbour's year, until its own analysis takes it. */
interface Unhinted {
  readonly stamp: string;
  readonly generation: number;
  /** The adapter's options it was made with. */
  readonly base: AnalysisOptions;
  readonly analysis: Analysis;
  /** Whether a date's year asked for the neighbours' year, which this analysis did not have. */
  readonly askedNeighbours: boolean;
}

/** How many neighbours' analyses (and of how many characters in all) wait for their own turn; a walk in folder order takes each soon after it is made. */
const UNHINTED_KEPT = 16;
const UNHINTED_CHARS = 8 * 1024 * 1024;

/** A run that finds a document version's findings (the first part of its analysis). */
interface Running {
  readonly version: number;
  readonly generation: number;
  readonly job: { cancelled: boolean };
  readonly findings: Promise<FindingsAnalysis | undefined>;
}

/** The `file:` URI of a path. */
export function toUri(file: string): string {
  return pathToFileURL(file).toString();
}

/** The path of a `file:` URI; other URIs stay as they are. */
export function toPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

const REUSED_PER_TURN = 256;

/** Files read into the index between two turns of the event loop when a folder joins it: a few milliseconds' work. */
const FILES_ADDED_PER_TURN = 32;

/** How long the reading of meetings runs before it lets other work in. */
const MEETINGS_SLICE_MS = 2;

/**
 * The one place that reads corpus files, keeps the recurrence index over them, and analyses open documents
 * (cached per uri, version and generation, one run per version however many ask) and closed files (read from disk,
 * the last few hundred kept until the file, the settings or the index change).
 * The CLI and the language server both go through it, so they give the same findings for the same files.
 */
export class Corpus {
  private index: LineFrequencyIndex | undefined;
  private files: readonly string[] = [];
  private readonly kept = new Map<string, string>();
  private readonly cache = new Map<string, CacheEntry>();
  private readonly running = new Map<string, Running>();
  /** The last analysis of each open document, whose unchanged lines and resolutions the next analysis reuses. */
  private readonly lastAnalysis = new Map<string, FindingsAnalysis>();
  private readonly neighbourYears: NeighbourYears;
  private readonly closed = new Map<string, ClosedEntry>();
  private readonly unhinted = new Map<string, Unhinted>();
  private generation = 0;
  private indexRun = 0;

  private readonly pacer: Pacer;
  /** When closed files' work last gave the event loop a turn. */
  private lastTurn = Number.NEGATIVE_INFINITY;

  constructor(private readonly setup: CorpusSetup) {
    this.pacer = setup.pacer ?? noForeground;
    this.neighbourYears = new NeighbourYears(setup.filesFixed === true);
  }

  /** The recurrence index, once a first indexing finished. */
  get recurrence(): LineFrequencyIndex | undefined {
    return this.index;
  }

  /** The indexed files, in the order they were given. */
  get indexedFiles(): readonly string[] {
    return this.files;
  }

  /**
   * Indexes these files for recurrence (replacing the previous index); a newer call cancels an older one.
   * Returns false when cancelled. Every analysis made before is forgotten, since recurrence counts changed.
   * `hashFiles` reads the files the cache lacks (in this thread by default, or on a pool's threads).
   */
  async indexFiles(files: readonly string[], onProgress: (p: IndexProgress) => void = () => undefined, isCancelled: () => boolean = () => false, hashFiles?: HashFiles): Promise<boolean> {
    const run = ++this.indexRun;
    const cancelled = (): boolean => run !== this.indexRun || isCancelled();
    const budget = this.setup.keepChars ?? 0;
    let keptChars = 0;
    this.kept.clear();
    const index = await buildIndex(files, this.setup.cacheFile, cancelled, onProgress, (file, text) => {
      if (keptChars + text.length > budget) return;
      this.kept.set(file, text);
      keptChars += text.length;
    }, hashFiles);
    if (!index || cancelled()) return false;
    this.index = index;
    this.files = [...files];
    this.invalidateAll();
    return true;
  }

  /**
   * Adds files to the index (a folder brought into scope), reading them a few at a time between turns of the event
   * loop; then every analysis made before is forgotten. Returns whether the index changed. When cancelled, the files
   * read so far stay indexed; when nothing is indexed yet, or a new index replaced this one meanwhile, nothing changed.
   */
  async addIndexedFiles(paths: readonly string[], isCancelled: () => boolean = () => false): Promise<boolean> {
    const index = this.index;
    if (!index) return false;
    let added = 0;
    for (const [i, file] of paths.entries()) {
      if (i % FILES_ADDED_PER_TURN === FILES_ADDED_PER_TURN - 1) await nextTurn();
      if (index !== this.index) return false;
      if (isCancelled()) break;
      if (index.has(file)) continue;
      updateIndexedFile(index, file);
      added++;
    }
    if (added === 0) return false;
    this.files = [...index.files()];
    this.invalidateAll();
    return true;
  }

  /** Applies changes on disk to the index: files in scope are (re)read, others dropped. Returns whether it changed. */
  updateIndexedFiles(paths: readonly string[], inScope: (file: string) => boolean): boolean {
    const index = this.index;
    if (!index) return false;
    let changed = false;
    for (const file of paths) {
      this.kept.delete(file);
      if (inScope(file)) updateIndexedFile(index, file);
      else if (index.has(file)) index.removeFile(file);
      else continue;
      changed = true;
    }
    if (!changed) return false;
    this.files = [...index.files()];
    this.invalidateAll();
    return true;
  }

  /** Forgets every analysis, e.g. after settings, catalogs or the index changed. */
  invalidateAll(): void {
    this.generation++;
    this.cache.clear();
    this.closed.clear();
    this.unhinted.clear();
  }

  /** Forgets one open document (it was closed). */
  forget(uri: string): void {
    this.cancelRuns(uri);
    this.cache.delete(uri);
    this.lastAnalysis.delete(uri);
    this.running.delete(uri);
  }

  /** Stops the work under way for a document: the run finding its findings and the reading of its meetings. */
  private cancelRuns(uri: string): void {
    const running = this.running.get(uri);
    if (running) running.job.cancelled = true;
    const entry = this.cache.get(uri);
    if (entry) entry.job.cancelled = true;
  }

  /** The cached analysis of exactly this document version, if any. */
  cached(doc: OpenDocument): Analysis | undefined {
    return this.cachedEntry(doc)?.analysis;
  }

  /** The cached findings of exactly this document version, if any: there before its years and meetings are. */
  cachedFindings(doc: OpenDocument): FindingsAnalysis | undefined {
    return this.cachedEntry(doc)?.findings;
  }

  private cachedEntry(doc: OpenDocument): CacheEntry | undefined {
    const entry = this.cache.get(doc.uri);
    return entry && entry.version === doc.version && entry.generation === this.generation ? entry : undefined;
  }

  /**
   * The analysis of this document version, waiting through newer generations: when a settings or index change
   * cancels the run it waited on, it waits on the fresh run for the same version.
   * Undefined only when a newer version came, the document was closed, or `isCancelled` says stop.
   */
  analysis(doc: OpenDocument, isCancelled: () => boolean = () => false): Promise<Analysis | undefined> {
    return this.throughGenerations(doc, isCancelled, (current) => this.analysisOnce(current));
  }

  /** The findings of this document version, waiting through newer generations as `analysis` does. */
  findings(doc: OpenDocument, isCancelled: () => boolean = () => false): Promise<FindingsAnalysis | undefined> {
    return this.throughGenerations(doc, isCancelled, (current) => this.findingsOnce(current));
  }

  private async throughGenerations<T>(doc: OpenDocument, isCancelled: () => boolean, once: (current: OpenDocument) => Promise<T | undefined>): Promise<T | undefined> {
    const version = doc.version;
    let current: OpenDocument | undefined = doc;
    for (;;) {
      const generation = this.generation;
      const result = await once(current);
      if (result) return result;
      if (generation === this.generation || isCancelled()) return undefined;
      current = this.setup.documents ? this.setup.documents.get(doc.uri) : doc;
      if (!current || current.version !== version) return undefined;
    }
  }

  /**
   * The analysis of this document version in the current generation: cached, or the run already under way for it,
   * or a new run, which cancels a run for an older version. Undefined when a newer version or generation overtook it.
   * Its years and meetings are read only once something asks for them, after the findings.
   */
  async analysisOnce(doc: OpenDocument): Promise<Analysis | undefined> {
    const hit = this.cachedEntry(doc);
    if (hit?.analysis) return hit.analysis;
    const found = hit?.findings ?? await this.findingsOnce(doc);
    const entry = this.cachedEntry(doc);
    if (!found || entry?.findings !== found) return undefined;
    entry.completing ??= this.pacer.foreground(this.complete(entry, doc.uri));
    return entry.completing;
  }

  /**
   * The findings of this document version in the current generation, as `analysisOnce` but settled as soon as the
   * run has them, without reading years and meetings.
   */
  findingsOnce(doc: OpenDocument): Promise<FindingsAnalysis | undefined> {
    const hit = this.cachedFindings(doc);
    if (hit) return Promise.resolve(hit);
    const current = this.running.get(doc.uri);
    if (current && current.version === doc.version && current.generation === this.generation) return current.findings;
    this.cancelRuns(doc.uri);
    const job = { cancelled: false };
    const run: Running = { version: doc.version, generation: this.generation, job, findings: this.pacer.foreground(this.findFindings(doc, job)) };
    this.running.set(doc.uri, run);
    void run.findings.finally(() => {
      if (this.running.get(doc.uri) === run) this.running.delete(doc.uri);
    });
    return run.findings;
  }

  /** One file's analysis: the open document's when it is open, else the file read from disk. */
  async analyzeFile(file: string, pace: Pace = 'request'): Promise<FileAnalysis> {
    const uri = toUri(file);
    const doc = this.setup.documents?.get(uri);
    if (doc) {
      const analysis = await this.analysis(doc);
      return analysis ? { file, uri, version: doc.version, analysis } : { file, uri, problem: 'a newer version is being analysed' };
    }
    const stamp = fileStamp(file);
    const kept = this.closed.get(file);
    if (kept && stamp !== undefined && kept.stamp === stamp && kept.generation === this.generation) {
      this.remember(file, kept);
      return { file, uri, version: null, analysis: kept.analysis };
    }
    // Once per file read, so a long loop over the corpus never holds a server.
    await this.turnFor(pace);
    const generation = this.generation;
    const base = await this.setup.optionsFor(uri);
    const options = this.withCorpus(base, uri);
    let made = stamp === undefined ? undefined : this.takeUnhinted(file, stamp, base);
    if (!made) {
      const read = this.readFile(file);
      if ('problem' in read) return { file, uri, problem: read.problem };
      made = this.analyzeUnhinted(read.text, base, file, stamp ?? '');
    }
    if (stamp !== undefined && generation === this.generation) this.neighbourYears.record(file, stamp, made.analysis);
    // The hints change only the meetings whose dates asked for them (or the period narrowed): redone only then.
    const analysis = made.askedNeighbours || options.years?.period ? addYearHints(made.analysis, options) : { ...made.analysis, years: withYearHints(made.analysis.years, options.years) };
    if (stamp !== undefined && generation === this.generation && (this.setup.keepAnalyses ?? 0) > 0) this.remember(file, { stamp, generation, analysis });
    return { file, uri, version: null, analysis };
  }

  /**
   * One file's findings, facts and references, without its years and meetings: the open document's when it is open,
   * else the file read from disk. No neighbour is read for a year, since nothing found here depends on one.
   * `'no references'`: the findings and facts alone, for a caller that reads nothing else (`ruleFindingsSteps`).
   */
  findFile(file: string): Promise<FileAnalysis<FindingsAnalysis>>;
  findFile(file: string, reads: 'no references'): Promise<FileAnalysis<Findings>>;
  async findFile(file: string, reads?: 'no references'): Promise<FileAnalysis<Findings>> {
    const uri = toUri(file);
    const doc = this.setup.documents?.get(uri);
    if (doc) {
      const found = await this.findings(doc);
      return found ? { file, uri, version: doc.version, analysis: found } : { file, uri, problem: 'a newer version is being analysed' };
    }
    const kept = this.closed.get(file);
    if (kept && kept.generation === this.generation && kept.stamp === fileStamp(file)) return { file, uri, version: null, analysis: kept.analysis };
    await this.turnFor('request');
    const options = this.withCorpus(await this.setup.optionsFor(uri), uri);
    const read = this.readFile(file);
    if ('problem' in read) return { file, uri, problem: read.problem };
    const logger = this.setup.logger ?? silentLogger;
    const steps = reads === 'no references' ? ruleFindingsSteps(read.text, options, undefined, logger) : findingsSteps(read.text, options, undefined, logger);
    return { file, uri, version: null, analysis: runToEnd(steps) };
  }

  /**
   * A file's analysis with these adapter options and the corpus's, but no year hints; `analyze` with the hints
   * gives the same rules, facts and references, so `addYearHints` finishes it into the file's own analysis.
   */
  private analyzeUnhinted(text: string, base: AnalysisOptions, file: string, stamp: string): Unhinted {
    let askedNeighbours = false;
    const years = { neighbours: () => { askedNeighbours = true; return undefined; } };
    const analysis = analyze(text, { ...this.withCorpus(base, toUri(file)), years }, undefined, this.setup.logger ?? silentLogger);
    return { stamp, generation: this.generation, base, analysis, askedNeighbours };
  }

  /** A neighbour's analysis without year hints, kept for its own analysis when that comes soon. */
  private neighbourAnalysis(file: string, stamp: string, base: AnalysisOptions): Analysis | undefined {
    const read = this.readFile(file);
    if ('problem' in read) return undefined;
    const made = this.analyzeUnhinted(read.text, base, file, stamp);
    this.unhinted.delete(file);
    this.unhinted.set(file, made);
    let chars = 0;
    for (const kept of this.unhinted.values()) chars += kept.analysis.doc.text.length;
    for (const [oldest, kept] of this.unhinted) {
      if (this.unhinted.size <= UNHINTED_KEPT && chars <= UNHINTED_CHARS) break;
      chars -= kept.analysis.doc.text.length;
      this.unhinted.delete(oldest);
    }
    return made.analysis;
  }

  /** The neighbour's analysis made for this very file version, generation and adapter options, if one waits. */
  private takeUnhinted(file: string, stamp: string, base: AnalysisOptions): Unhinted | undefined {
    const made = this.unhinted.get(file);
    if (!made) return undefined;
    this.unhinted.delete(file);
    return made.stamp === stamp && made.generation === this.generation && sameOptions(made.base, base) ? made : undefined;
  }

  private remember(file: string, entry: ClosedEntry): void {
    this.closed.delete(file);
    this.closed.set(file, entry);
    for (const oldest of this.closed.keys()) {
      if (this.closed.size <= (this.setup.keepAnalyses ?? 0)) break;
      this.closed.delete(oldest);
    }
  }

  /**
   * Every open document's analysis, then every indexed file that is not open, read from disk; `reuse` may answer
   * for a closed file from the caller's own cache instead.
   */
  async *openAndIndexed<T = never>(isCancelled: () => boolean = () => false, reuse: (file: string) => T | undefined = () => undefined, pace: Pace = 'request'): AsyncGenerator<FileAnalysis | Reused<T>> {
    const open = this.setup.documents?.all() ?? [];
    const openUris = new Set(open.map((d) => d.uri));
    for (const doc of open) {
      if (isCancelled()) return;
      const analysis = await this.analysis(doc);
      if (analysis) yield { file: toPath(doc.uri), uri: doc.uri, version: doc.version, analysis };
    }
    let reused = 0;
    for (const file of this.files) {
      if (isCancelled()) return;
      const uri = toUri(file);
      if (openUris.has(uri)) continue;
      const cached = reuse(file);
      // Answers from the caller's cache cost a stat each: a turn of the event loop every so many of them too.
      if (cached !== undefined && ++reused % REUSED_PER_TURN === 0) await this.turnFor(pace);
      yield cached === undefined ? await this.analyzeFile(file, pace) : { file, uri, cached };
    }
  }

  /**
   * The options for one document: the adapter's, with the recurrence index, the document's path and, for dates
   * written without a year, the year the neighbouring files of its folder agree on.
   */
  async optionsFor(uri: string): Promise<AnalysisOptions> {
    return this.withCorpus(await this.setup.optionsFor(uri), uri);
  }

  private withCorpus(base: AnalysisOptions, uri: string): AnalysisOptions {
    const path = toPath(uri);
    // Asked only when a date's year is not in the text: most documents never read their neighbours.
    const neighbours = (): NeighbourHint | undefined => this.neighbourYears.hintsFor(path, (file, stamp) => this.neighbourAnalysis(file, stamp, base));
    const years = uri.startsWith('file:') ? { years: { ...base.years, neighbours } } : {};
    const recurrence = this.index ?? this.setup.recurrence;
    return { ...base, ...(recurrence ? { recurrence } : {}), path, ...years };
  }

  /** A turn of the event loop before more work for closed files: a background slice, or one once the pacer's slice has passed. */
  private async turnFor(pace: Pace): Promise<void> {
    if (pace === 'background') return this.pacer.background();
    if (performance.now() - this.lastTurn < this.pacer.fileSliceMs) return;
    await nextTurn();
    this.lastTurn = performance.now();
  }

  /** Keeps a text read elsewhere for the file's next analysis (used once), as the texts read while indexing are kept. */
  keepText(file: string, text: string): void {
    this.kept.set(file, text);
  }

  /** The text kept of a file, handed over: this corpus forgets it and reads the file again should it need it. */
  takeKeptText(file: string): string | undefined {
    const text = this.kept.get(file);
    this.kept.delete(file);
    return text;
  }

  /** A file's text: kept from indexing (used once), else read now. */
  private readFile(file: string): ReadResult {
    const text = this.kept.get(file);
    if (text === undefined) return readText(file);
    this.kept.delete(file);
    return { text };
  }

  /** Finds the findings of one document version in steps, one per turn of the event loop, and caches them. */
  private async findFindings(doc: OpenDocument, job: { cancelled: boolean }): Promise<FindingsAnalysis | undefined> {
    const generation = this.generation;
    const version = doc.version;
    // Read now: an editor's document object may move on to a newer version while this run waits.
    const text = doc.getText();
    const logger = this.setup.logger ?? silentLogger;
    const cancel = { isCancelled: () => job.cancelled || generation !== this.generation };
    try {
      const options = await this.optionsFor(doc.uri);
      if (cancel.isCancelled()) return undefined;
      const found = await stepThrough(findingsSteps(text, options, cancel, logger, this.lastAnalysis.get(doc.uri)), cancel);
      if (!found) return undefined;
      this.cache.set(doc.uri, { version, generation, findings: found, job, options });
      // The next version builds on these findings, whether or not the meetings of this one are ever read.
      this.lastAnalysis.set(doc.uri, found);
      return found;
    } catch (error) {
      if (!(error instanceof AnalysisCancelled)) logger.log('error', `analysis of ${doc.uri} failed`, error instanceof Error ? error.stack : error);
      return undefined;
    }
  }

  /** Reads the years and meetings of a cached version's findings in steps, into its whole analysis. */
  private async complete(entry: CacheEntry, uri: string): Promise<Analysis | undefined> {
    const cancel = { isCancelled: () => entry.job.cancelled || entry.generation !== this.generation };
    try {
      // A small document's meetings take a fraction of a millisecond: read in one turn, not one turn per step.
      const analysis = await stepThrough(meetingsStepsAfter(entry.findings, entry.options, cancel), cancel, MEETINGS_SLICE_MS);
      if (analysis) entry.analysis = analysis;
      return analysis;
    } catch (error) {
      if (!(error instanceof AnalysisCancelled)) this.setup.logger?.log('error', `analysis of ${uri} failed`, error instanceof Error ? error.stack : error);
      return undefined;
    }
  }
}

/**
 * Runs steps to their end, yielding to the event loop between them once `sliceMs` passed since the last yield (after
 * every step by default); undefined once `cancel` says stop, and at once when it already does.
 */
async function stepThrough<T>(steps: Generator<string, T>, cancel: { isCancelled(): boolean }, sliceMs = 0): Promise<T | undefined> {
  if (cancel.isCancelled()) return undefined;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await nextTurn();
    if (cancel.isCancelled()) return undefined;
    sliceStart = performance.now();
  }
}

/** Whether two adapter options hold the very same values, so an analysis made with one stands for the other. */
function sameOptions(a: AnalysisOptions, b: AnalysisOptions): boolean {
  const keys = Object.keys(a) as (keyof AnalysisOptions)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
