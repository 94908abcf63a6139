/**
 * `vn-corpus clean`: streams articles (JSON Lines records or `.txt` files) through the engine and writes each
 * cleaned article with what was removed and why, its findings and its facts, one record at a time and in input
 * order. Recurrence is judged over the whole input: a counting pass over re-readable inputs, or counts computed
 * elsewhere (`--line-counts`, e.g. by a cluster) for standard input and shards.
 */
import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { analyze, type AnalysisOptions } from '../../core/analyze';
import { tiersUpTo, toCleanRecord } from '../../core/corpus/clean-record';
import { LineCounts } from '../../core/corpus/line-counts';
import { lineHashes } from '../../core/corpus/line-frequency';
import type { Tier } from '../../core/types';
import { DrainingWriter } from '../../node/jsonl';
import { UsageError } from '../../node/walk';
import { HELP } from '../help';
import { loadOptions } from '../main';
import type { Output } from '../run-context';
import { readRecords, toSources, type Source } from '../clean-input';
import { CleanTally, directorySink, jsonlSink, RecordWriteError, type CleanSink } from '../clean-output';
import { readLineCounts } from '../../node/line-counts-file';

/** The streams clean reads and writes; tests pass their own. */
export interface CleanStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
}

interface CleanArgs {
  readonly sources: readonly Source[];
  readonly outputDir?: string;
  readonly lineCounts?: string;
  readonly countLines: boolean;
  readonly tiers: ReadonlySet<Tier>;
  readonly summaryJson?: string;
  readonly lang?: 'en' | 'vi';
}

/** Runs `vn-corpus clean <argv…>`; returns 0 when nothing was removed, 1 when something was, 2 on bad input. */
export async function runClean(argv: readonly string[], io: Output, streams: CleanStreams = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  let args: CleanArgs;
  try {
    const parsed = await toCleanArgs(argv);
    if (parsed === 'help') {
      io.out(`${HELP.clean ?? ''}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.err(`vn-corpus: ${(error as Error).message}\n${HELP.clean ?? ''}\n`);
    return 2;
  }
  try {
    const options = loadOptions({ lang: args.lang }, io);
    return args.countLines ? await countLines(args, io, streams) : await clean(args, options, io, streams);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`vn-corpus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function toCleanArgs(argv: readonly string[]): Promise<CleanArgs | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        'output-dir': { type: 'string', short: 'o' }, 'line-counts': { type: 'string' }, 'count-lines': { type: 'boolean' },
        tier: { type: 'string' }, 'summary-json': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const tier = v.tier ?? 'certain';
  if (tier !== 'certain' && tier !== 'probable' && tier !== 'weak') throw new UsageError('--tier must be certain, probable or weak');
  if (v.lang !== undefined && v.lang !== 'en' && v.lang !== 'vi') throw new UsageError('--lang must be en or vi');
  if (parsed.positionals.length === 0) throw new UsageError('clean needs files, folders, or - for JSON Lines on standard input');
  if (v['count-lines'] && (v['output-dir'] !== undefined || v['line-counts'] !== undefined)) throw new UsageError('--count-lines takes neither --output-dir nor --line-counts');
  return {
    sources: await toSources(parsed.positionals), countLines: v['count-lines'] === true, tiers: tiersUpTo(tier),
    ...(v['output-dir'] !== undefined ? { outputDir: v['output-dir'] } : {}),
    ...(v['line-counts'] !== undefined ? { lineCounts: v['line-counts'] } : {}),
    ...(v['summary-json'] !== undefined ? { summaryJson: v['summary-json'] } : {}),
    ...(v.lang !== undefined ? { lang: v.lang } : {}),
  };
}

/** Counts line hashes over the records, reporting bad ones; bad records are not counted. */
async function countRecords(sources: readonly Source[], stdin: Readable): Promise<{ counts: LineCounts; bad: number }> {
  const counts = new LineCounts();
  let bad = 0;
  for await (const record of readRecords(sources, stdin)) {
    if (record.ok) counts.add(record.id, lineHashes(record.text));
    else bad++;
  }
  return { counts, bad };
}

async function countLines(args: CleanArgs, io: Output, streams: CleanStreams): Promise<number> {
  const { counts, bad } = await countRecords(args.sources, streams.stdin);
  const out = new DrainingWriter(streams.stdout);
  for (const line of counts.toJsonLines()) await out.write(line);
  if (bad > 0) io.err(`clean --count-lines: ${bad} bad record${bad === 1 ? '' : 's'} not counted; run clean to see them\n`);
  return bad > 0 ? 2 : 0;
}

/** Where recurrence counts come from: a counts file, a counting pass over re-readable inputs, or nowhere. */
async function recurrenceFor(args: CleanArgs, io: Output, stdin: Readable): Promise<LineCounts | undefined> {
  if (args.lineCounts !== undefined) {
    const read = await readLineCounts(args.lineCounts);
    if ('problem' in read) throw new UsageError(`--line-counts ${args.lineCounts}: ${read.problem}`);
    return read.counts;
  }
  if (args.sources.some((s) => s.kind === 'stdin')) {
    io.err('clean: standard input is read once, so recurring lines are not counted; pass --line-counts to judge them\n');
    return undefined;
  }
  if (args.sources.length < 2 && args.sources.every((s) => s.kind === 'txt')) return undefined;
  return (await countRecords(args.sources, stdin)).counts;
}

async function clean(args: CleanArgs, base: AnalysisOptions, io: Output, streams: CleanStreams): Promise<number> {
  const started = performance.now();
  const recurrence = await recurrenceFor(args, io, streams.stdin);
  const options: AnalysisOptions = { ...base, ...(recurrence ? { recurrence } : {}) };
  const sink: CleanSink = args.outputDir !== undefined ? directorySink(args.outputDir) : jsonlSink(streams.stdout);
  const tally = new CleanTally(started);
  const progress = progressLine(io);
  for await (const record of readRecords(args.sources, streams.stdin)) {
    if (!record.ok) {
      io.err(`${progress.clear()}vn-corpus: ${record.where}: ${record.problem}; passed through unchanged\n`);
      tally.addBad();
      await sink.bad(record);
      continue;
    }
    const result = toCleanRecord(analyze(record.text, { ...options, path: record.id }), args.tiers);
    try {
      await sink.good(record, result);
      tally.addGood(result);
    } catch (error) {
      if (!(error instanceof RecordWriteError)) throw error;
      io.err(`${progress.clear()}vn-corpus: ${record.where}: ${error.message}\n`);
      tally.addBad();
    }
    progress.tick(tally.records);
  }
  await sink.close();
  io.err(`${progress.clear()}${tally.toLine()}\n`);
  if (args.summaryJson !== undefined) fs.writeFileSync(args.summaryJson, `${JSON.stringify(tally.toJson())}\n`);
  return tally.bad > 0 ? 2 : tally.removedSpans > 0 ? 1 : 0;
}

/** A record counter on stderr, redrawn at most every 200 ms, only when stderr is a terminal. */
function progressLine(io: Output): { tick(n: number): void; clear(): string } {
  let last = 0;
  let shown = false;
  return {
    tick(n) {
      if (!io.isTTY) return;
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      io.err(`\r${n} records`);
    },
    clear() {
      if (!shown) return '';
      shown = false;
      return '\r\x1b[K';
    },
  };
}
