/**
 * An analysis worker of the pool (`analysis-pool.ts`): loads the project's options once when it starts, reads and
 * hashes the files of the batches it gets while the corpus is indexed, takes what the run shares (the index, the
 * site table) from the message after them, then analyses the files of each batch it is sent, in order, posting the
 * results a few milliseconds' worth at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Analysis, Findings } from '../core/analyze';
import type { FileAnalysis } from './corpus';
import { Corpus, toUri } from './corpus';
import { hashFile } from './corpus-index';
import { findProjectRoot, projectOptions } from './project-options';
import { PackedRecurrenceIndex } from './shared-recurrence';
import { TableSiteLookup } from './site-table';
import { analysisNeeded, RESULTS_SLICE_MS, type AnalysisNeeded, type AnalysisPart, type FileResult, type FromWorker, type RunShared, type ToHash, type ToWorker, type ToWorkerMessage, type WireAnalysis, type WorkerStart } from './analysis-pool';

/**
 * The analysis as it can travel: the document's text when the worker read it itself (else the main thread has it),
 * and of the rest only the parts asked for; the neighbours' year only as a value. Left as a function, it was never
 * asked for, since no date needed it, and stays behind rather than read the neighbours now.
 */
function toWire(analysis: Findings | Analysis, parts: readonly AnalysisPart[], withText: boolean): WireAnalysis {
  const wire: { -readonly [K in AnalysisPart]?: Analysis[K] } & { text?: string } = withText ? { text: analysis.doc.text } : {};
  for (const part of parts) {
    if (part === 'years') {
      if (!('years' in analysis)) continue;
      const { neighbours, ...known } = analysis.years;
      wire.years = typeof neighbours === 'function' ? known : analysis.years;
    } else if (part !== 'meetings' || 'meetings' in analysis) {
      (wire as Record<AnalysisPart, unknown>)[part] = (analysis as Analysis)[part];
    }
  }
  return wire;
}

/** As much of a file's analysis as the batch's parts need. */
function analyse(corpus: Corpus, file: string, needed: AnalysisNeeded): Promise<FileAnalysis<Findings>> {
  if (needed === 'whole') return corpus.analyzeFile(file);
  return needed === 'references' ? corpus.findFile(file) : corpus.findFile(file, 'no references');
}

/** Results of one batch, posted a few at a time (`RESULTS_SLICE_MS`), in order, with the buffers they move. */
class ResultPoster {
  private results: FileResult[] = [];
  private transfer: ArrayBuffer[] = [];
  private from = 0;
  private since = performance.now();

  constructor(private readonly port: NonNullable<typeof parentPort>, private readonly batch: number) {}

  add(result: FileResult, moved?: ArrayBuffer): void {
    this.results.push(result);
    if (moved) this.transfer.push(moved);
    if (performance.now() - this.since >= RESULTS_SLICE_MS) this.post();
  }

  post(): void {
    if (this.results.length > 0) this.port.postMessage({ batch: this.batch, from: this.from, results: this.results } satisfies FromWorker, this.transfer);
    this.from += this.results.length;
    this.results = [];
    this.transfer = [];
    this.since = performance.now();
  }
}

/** Reads and hashes a batch of files for the index; the hashes move to the main thread rather than being copied. */
function hashBatch(port: NonNullable<typeof parentPort>, message: ToHash): void {
  const poster = new ResultPoster(port, message.batch);
  for (const file of message.hash) {
    const result = hashFile(file, message.withTexts);
    poster.add(result, 'hashes' in result ? result.hashes.buffer as ArrayBuffer : undefined);
  }
  poster.post();
}

function start(port: NonNullable<typeof parentPort>, setup: WorkerStart): void {
  const { options } = projectOptions(findProjectRoot(process.cwd()), setup.locale);
  let corpus: Corpus | undefined;
  const join = (shared: RunShared): Corpus => {
    const sites = shared.sites ? new TableSiteLookup(shared.sites.rows, shared.sites.files) : undefined;
    const base = sites ? { ...options, siteChrome: sites } : options;
    return new Corpus({ optionsFor: () => base, filesFixed: true, ...(shared.recurrence ? { recurrence: new PackedRecurrenceIndex(shared.recurrence) } : {}) });
  };
  const queue: ToWorker[] = [];
  let busy = false;
  const drain = async (into: Corpus): Promise<void> => {
    busy = true;
    for (let message = queue.shift(); message; message = queue.shift()) {
      // Kept before the first file, so a file that reads its neighbours' year finds their texts too.
      for (const [i, file] of message.files.entries()) {
        const text = message.texts[i];
        if (text !== undefined) into.keepText(file, text);
      }
      const poster = new ResultPoster(port, message.batch);
      for (const [i, file] of message.files.entries()) {
        let result: FileAnalysis<Findings>;
        try {
          result = await analyse(into, file, analysisNeeded(message.parts));
        } catch (error) {
          result = { file, uri: toUri(file), problem: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
        }
        poster.add('problem' in result ? result : { file: result.file, uri: result.uri, analysis: toWire(result.analysis, message.parts, message.texts[i] === undefined) });
      }
      poster.post();
    }
    busy = false;
  };
  port.postMessage({ ready: true } satisfies FromWorker);
  port.on('message', (message: ToWorkerMessage) => {
    if ('hash' in message) {
      hashBatch(port, message);
      return;
    }
    if ('shared' in message) {
      corpus = join(message.shared);
      return;
    }
    queue.push(message);
    if (!busy && corpus) void drain(corpus);
  });
}

if (parentPort) start(parentPort, workerData as WorkerStart);
