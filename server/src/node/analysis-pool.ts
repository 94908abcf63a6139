import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis, Findings } from '../core/analyze';
import { ArticleText } from '../core/text/article-text';
import type { Locale } from '../core/types';
import { toUri, type FileAnalysis } from './corpus';
import { hashFile, type FileToHash, type HashedFile } from './corpus-index';
import { nextTurn } from './scheduler';
import type { PackedRecurrence } from './shared-recurrence';
import type { SiteTable } from './site-table';

/** What every worker gets when it starts, before the corpus is indexed: enough to load the project's options. */
export interface WorkerStart {
  readonly locale: Locale;
}

/** What a run's workers share, sent to each as its first message once the corpus is indexed. */
export interface RunShared {
  readonly recurrence: PackedRecurrence | undefined;
  readonly sites: SiteTable | undefined;
}

/** The parts of an analysis besides its document that a command reads; only those travel back from a worker. */
export type AnalysisPart = 'findings' | 'article' | 'references' | 'meetings' | 'years';

/**
 * How much of an analysis a command that reads these parts needs: the whole (years and meetings read), its findings
 * part with the references (`Corpus.findFile`), or the findings and facts alone (`ruleFindingsSteps`).
 */
export type AnalysisNeeded = 'whole' | 'references' | 'findings';

export function analysisNeeded(parts: readonly AnalysisPart[]): AnalysisNeeded {
  if (parts.includes('meetings') || parts.includes('years')) return 'whole';
  return parts.includes('references') ? 'references' : 'findings';
}

/**
 * A batch of files for a worker: contiguous files of one folder, so its neighbour-year cache keeps hitting, with the
 * texts the main thread already read of them (undefined where it did not), and the parts to send back.
 */
export interface ToWorker {
  readonly batch: number;
  readonly files: readonly string[];
  readonly texts: readonly (string | undefined)[];
  readonly parts: readonly AnalysisPart[];
}

/** A batch of files for a worker to read and hash for the index, a `HashedFile` back for each. */
export interface ToHash {
  readonly batch: number;
  readonly hash: readonly FileToHash[];
  /** Whether the texts come back too, for this thread to keep for the analysis. */
  readonly withTexts: boolean;
}

/** A message to a worker: files to hash for the index; what the run shares; then batches to analyse. */
export type ToWorkerMessage = { readonly shared: RunShared } | ToWorker | ToHash;

/**
 * An analysis as it travels back: only the parts asked for, and the document's text when the worker read it itself
 * (the main thread keeps the texts it sent); the document is rebuilt from the text on arrival.
 */
export type WireAnalysis = Partial<Pick<Analysis, AnalysisPart>> & { readonly text?: string };

/**
 * The first message of a worker, once it loaded the options; then results of a batch, in order from the file at
 * `from`: a worker posts what it has every few milliseconds and at the end of a batch, since a message costs about
 * what a small file's findings do to copy.
 */
export type FromWorker = { readonly ready: true } | FileResults;

interface FileResults {
  readonly batch: number;
  readonly from: number;
  readonly results: readonly FileResult[];
}

/** One file's result as it travels back: its analysis, or its hashes for the index. */
export type FileResult = AnalysedWire | HashedFile;

/** How long a worker keeps finished results before it posts them. */
export const RESULTS_SLICE_MS = 3;

/** A file's analysis as it travels back, or why there is none. */
type AnalysedWire = { readonly file: string; readonly uri: string; readonly problem: string } | { readonly file: string; readonly uri: string; readonly analysis: WireAnalysis };

/** How the pool's workers start. */
export interface PoolStart {
  readonly locale: Locale;
  readonly workers: number;
  /** Told when a worker stops unexpectedly, with what becomes of its files. */
  readonly onWorkerStopped: (message: string) => void;
  /** The worker's script; the built `analysis-worker.js` beside this module by default. */
  readonly workerScript?: string;
}

/** One run over files on the pool. */
export interface PoolRun<A extends Findings = Analysis> extends RunShared {
  /** The parts of each analysis the caller reads; the others are left out of the results from workers. */
  readonly parts: readonly AnalysisPart[];
  /** Analyses a file in this thread, which then takes batches too while it waits for the workers. */
  readonly inThisThread?: (file: string) => Promise<FileAnalysis<A>>;
  /** The text this thread already read of a file, handed over (and forgotten here) so a worker does not read it again. */
  readonly takeText?: (file: string) => string | undefined;
}

/** How `analyseInPool` runs: a pool started for one run. */
export interface PoolSetup extends Omit<PoolStart, 'workers'>, PoolRun {
  /** The threads that analyse, this one included when `inThisThread` is given. */
  readonly jobs: number;
}

/** Files per batch: small enough to share the work out evenly, large enough that messages stay few. */
const BATCH_FILES = 128;
/** Batches a worker holds at once, so it never waits for the next one. */
const BATCHES_PER_WORKER = 2;
/**
 * Batches per thread handed out ahead of the next file to yield: enough that a worker keeps going while this
 * thread works through a batch of its own, few enough that the results waiting their turn stay a few megabytes.
 */
const WINDOW_BATCHES_PER_THREAD = 4;
/** How long this thread works through its own batch before it lets the workers' messages in. */
const HERE_SLICE_MS = 4;
/** A file whose worker stopped this many times while analysing it is reported, not tried again. */
const MAX_ATTEMPTS = 2;

/**
 * The threads that analyse by default, the main thread included: one core less than there are, since the main
 * thread also writes the output, and the engine's compiler and GC threads keep about a core's share busy. On two
 * cores that is one thread: there the main thread with one worker took about 40 % more CPU time in all than one
 * thread (each engine compiles the same code and fills its memos on its own) and was 3 % slower on the bench's
 * corpus, 9 % faster on unseen paragraphs (`npm run bench` prints both).
 */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

interface Item {
  /** The file's place in the input. */
  readonly at: number;
  readonly file: string;
  attempts: number;
}

interface Sent {
  readonly id: number;
  readonly items: readonly Item[];
  received: number;
}

interface Slot {
  readonly worker: Worker;
  /** Batches sent and not fully answered, oldest first. */
  readonly sent: Sent[];
  ready: boolean;
  /** Whether it has this run's shared setup. */
  joined: boolean;
}

/** Worker threads started ahead of a run, which load as it starts and then read and hash its files with this thread. */
export interface AnalysisPool {
  /**
   * The analyses of `files`, in input order, made by the workers and by this thread when the run can analyse here,
   * which takes a batch whenever it has none and works through it while the next file to yield is not back yet.
   * Work goes out in contiguous batches, and only a bounded window of files ahead of the next one to yield is
   * ever handed out, so memory stays flat however many files there are. A worker that stops is replaced; its
   * unanswered files are sent again one by one, and a file that stopped a worker twice is reported as a problem.
   * Never loses a file. One run at a time.
   */
  analyse<A extends Findings>(files: readonly string[], run: PoolRun<A>): AsyncGenerator<FileAnalysis<A>>;
  /**
   * Reads and hashes files for the index (a `HashFiles`), on the workers and in this thread, with the same answers
   * in the same order as `hashFile` gives one after the other; a file that stopped its worker twice is read here.
   */
  hash(files: readonly FileToHash[], withTexts: boolean): AsyncGenerator<HashedFile>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** What one run over files does with them: analyses them, or reads and hashes them for the index. */
interface Job<R> {
  /** What the workers share for this run, sent to each before its first batch; none for hashing. */
  readonly shared?: RunShared;
  message(batch: number, items: readonly Item[]): ToWorker | ToHash;
  /** A worker's answer for a file, as the run yields it. */
  revive(result: FileResult, item: Item): R;
  /** This thread's own work on a file, when it takes batches too. */
  readonly here?: (item: Item) => Promise<R> | R;
  /** What a file becomes when its work failed, or stopped its worker `MAX_ATTEMPTS` times. */
  failed(item: Item, why: string): R;
}

/** Per run: what the workers' messages and stops update. */
interface RunState {
  readonly results: Map<number, unknown>;
  readonly retry: Item[];
  readonly job: Job<unknown>;
  notify(): void;
}

/** Starts the pool's workers now, so they load the options while the corpus is indexed. */
export function startPool(start: PoolStart): AnalysisPool {
  const script = start.workerScript ?? path.join(__dirname, 'analysis-worker.js');
  const slots = new Set<Slot>();
  let shared: RunShared | undefined;
  let state: RunState | undefined;
  let failedStarts = 0;
  /** Batch numbers go on from run to run, so an answer to a batch of a run left early is never taken for another's. */
  let batchIds = 0;
  let fatal: Error | undefined;

  const lost = (slot: Slot, reason: string): void => {
    slots.delete(slot);
    const pending = slot.sent.flatMap((s) => s.items.slice(s.received));
    if (!slot.ready && ++failedStarts >= MAX_ATTEMPTS) fatal ??= new Error(`analysis workers could not start: ${reason}`);
    // The first unanswered file is the one the worker was analysing when it stopped, or one it finished in the last
    // few milliseconds and had not posted yet; either way the files go again one by one, which tells them apart.
    const current = pending[0];
    if (current && slot.ready) current.attempts++;
    const given = pending.filter((item) => item.attempts >= MAX_ATTEMPTS);
    for (const item of given) state?.results.set(item.at, state.job.failed(item, `the analysis worker stopped while analysing it (${reason})`));
    state?.retry.unshift(...pending.filter((item) => item.attempts < MAX_ATTEMPTS));
    start.onWorkerStopped(`analysis worker stopped (${reason}); ${pending.length - given.length} of its files are analysed again${given.length > 0 ? `, ${given.length} reported` : ''}`);
    state?.notify();
  };

  const spawn = (): Slot => {
    const workerData: WorkerStart = { locale: start.locale };
    const worker = new Worker(script, { workerData });
    const slot: Slot = { worker, sent: [], ready: false, joined: false };
    let stopped = false;
    const stop = (reason: string): void => {
      if (stopped) return;
      stopped = true;
      if (slots.has(slot)) lost(slot, reason);
    };
    worker.on('message', (message: FromWorker) => {
      if ('ready' in message) {
        slot.ready = true;
        failedStarts = 0;
        return;
      }
      const sent = slot.sent[0];
      if (!sent || sent.id !== message.batch || !state) return;
      for (const [k, result] of message.results.entries()) {
        const item = sent.items[message.from + k];
        if (!item) break;
        sent.received = message.from + k + 1;
        state.results.set(item.at, state.job.revive(result, item));
      }
      if (sent.received === sent.items.length) slot.sent.shift();
      state.notify();
    });
    worker.on('error', (error: unknown) => stop(describeError(error)));
    worker.on('exit', (code) => stop(`exit code ${code}`));
    slots.add(slot);
    return slot;
  };

  for (let i = 0; i < start.workers; i++) spawn();

  /**
   * The results of `job` over `files`, in input order: batches go to the workers, and to this thread when the job
   * has work `here`, within a bounded window ahead of the next result to yield.
   */
  async function* ordered<R>(files: readonly string[], job: Job<R>): AsyncGenerator<R> {
    const here = job.here;
    const window = (start.workers + (here ? 1 : 0)) * WINDOW_BATCHES_PER_THREAD * BATCH_FILES;
    /** The batch this thread works through, when it takes batches too. */
    const local: Item[] = [];
    const results = new Map<number, R>();
    const retry: Item[] = [];
    let cursor = 0;
    let next = 0;
    let lastTurn = performance.now();
    let wake: () => void = () => undefined;
    if (job.shared) {
      shared = job.shared;
      for (const slot of slots) slot.joined = false;
    }
    state = { results, retry, job, notify: () => wake() };

    const nextBatch = (): Item[] | undefined => {
      const again = retry.shift();
      if (again) return [again];
      if (cursor >= files.length || cursor - next >= window) return undefined;
      const items: Item[] = [];
      for (const end = batchEnd(files, cursor); cursor < end; cursor++) items.push({ at: cursor, file: files[cursor] as string, attempts: 0 });
      return items;
    };

    const fill = (): void => {
      while (slots.size < start.workers && (retry.length > 0 || cursor < files.length)) spawn();
      for (const slot of slots) {
        if (job.shared && !slot.joined && shared) {
          slot.worker.postMessage({ shared } satisfies ToWorkerMessage);
          slot.joined = true;
        }
        while (slot.sent.length < BATCHES_PER_WORKER) {
          const items = nextBatch();
          if (!items) return;
          const sent: Sent = { id: batchIds++, items, received: 0 };
          slot.sent.push(sent);
          slot.worker.postMessage(job.message(sent.id, items) satisfies ToWorkerMessage);
        }
      }
    };

    try {
      while (next < files.length) {
        if (fatal) throw fatal;
        // This thread takes its batch first, so the first files to yield wait for no worker.
        if (here && local.length === 0) local.push(...(nextBatch() ?? []));
        // Topped up before every file, so no worker runs dry while the caller is busy with the results.
        fill();
        const ready = results.get(next);
        if (ready !== undefined) {
          results.delete(next);
          next++;
          yield ready;
          continue;
        }
        const item = local.shift();
        if (here && item) {
          results.set(item.at, await doHere(job, here, item));
          // The workers' answers and requests for more come in only on a turn of the event loop.
          if (performance.now() - lastTurn >= HERE_SLICE_MS) {
            await nextTurn();
            lastTurn = performance.now();
          }
          continue;
        }
        await new Promise<void>((resolve) => { wake = resolve; });
        lastTurn = performance.now();
      }
    } finally {
      // Left early (the caller stopped reading): what the workers still owe this run is dropped when it comes.
      for (const slot of slots) slot.sent.length = 0;
      state = undefined;
    }
  }

  function analyse<A extends Findings>(files: readonly string[], run: PoolRun<A>): AsyncGenerator<FileAnalysis<A>> {
    const takeText = run.takeText ?? (() => undefined);
    const inThisThread = run.inThisThread;
    /** The texts sent to workers, by the file's place, until its result comes back without it. */
    const sentTexts = new Map<number, string>();
    const textFor = (item: Item): string | undefined => {
      const text = sentTexts.get(item.at) ?? takeText(item.file);
      if (text !== undefined) sentTexts.set(item.at, text);
      return text;
    };
    return ordered<FileAnalysis<A>>(files, {
      shared: { recurrence: run.recurrence, sites: run.sites },
      message: (batch, items) => ({ batch, files: items.map((item) => item.file), texts: items.map(textFor), parts: run.parts }),
      // Results from workers hold the parts asked for, as the caller's type says (see `revive`).
      revive: (result, item) => {
        const text = sentTexts.get(item.at);
        sentTexts.delete(item.at);
        return revive(result as AnalysedWire, text) as FileAnalysis<A>;
      },
      ...(inThisThread ? { here: (item: Item) => inThisThread(item.file) } : {}),
      failed: (item, why) => ({ file: item.file, uri: toUri(item.file), problem: why }),
    });
  }

  function hash(files: readonly FileToHash[], withTexts: boolean): AsyncGenerator<HashedFile> {
    return ordered<HashedFile>(files.map((f) => f.file), {
      message: (batch, items) => ({ batch, hash: items.map((item) => files[item.at] as FileToHash), withTexts }),
      revive: (result) => result as HashedFile,
      here: (item) => hashFile(files[item.at] as FileToHash, withTexts),
      // A file its worker could not read (or that stopped it twice) is read here, as a run without workers reads it.
      failed: (item) => hashFile(files[item.at] as FileToHash, withTexts),
    });
  }

  return {
    analyse,
    hash,
    async close() {
      const stopping = [...slots];
      slots.clear();
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}

/** The analyses of `files` on a pool started for them (see `AnalysisPool.analyse`), stopped when done. */
export async function* analyseInPool(files: readonly string[], setup: PoolSetup): AsyncGenerator<FileAnalysis> {
  const { jobs, ...rest } = setup;
  const pool = startPool({ ...rest, workers: setup.inThisThread ? jobs - 1 : jobs });
  try {
    yield* pool.analyse(files, rest);
  } finally {
    await pool.close();
  }
}

/** Where the batch that starts at `from` ends: `BATCH_FILES` files at most, all in one folder. */
function batchEnd(files: readonly string[], from: number): number {
  const folder = path.dirname(files[from] as string);
  let end = from;
  while (end < files.length && end - from < BATCH_FILES && path.dirname(files[end] as string) === folder) end++;
  return end;
}

/** One file's work in this thread; a failure is the file's problem, as in a worker. */
async function doHere<R>(job: Job<R>, here: (item: Item) => Promise<R> | R, item: Item): Promise<R> {
  try {
    return await here(item);
  } catch (error) {
    return job.failed(item, `analysis failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A worker's result as the analysis the command reads: the parts it asked for and the document rebuilt from its text,
 * the one it read or the one it was sent.
 * The parts left behind are absent, which the pool's tests would show for a command that reads more than it asks.
 */
function revive(result: AnalysedWire, sentText: string | undefined): FileAnalysis {
  if ('problem' in result) return result;
  const { text, ...parts } = result.analysis;
  const docText = text ?? sentText;
  if (docText === undefined) throw new Error(`a worker sent the analysis of ${result.file} without the text it read`);
  return { file: result.file, uri: result.uri, version: null, analysis: { ...parts, doc: new ArticleText(docText) } as Analysis };
}

/** A worker's error in a few words; errors thrown in a worker arrive as plain objects, not `Error`s. */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
