import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Analysis, AnalysisOptions, Findings, FindingsAnalysis } from '../core/analyze';
import type { Locale } from '../core/types';
import { toLocale } from '../core/i18n/localize';
import { Corpus, type FileAnalysis } from '../node/corpus';
import { collectFiles, UsageError } from '../node/walk';
import { findProjectRoot, projectOptions } from '../node/project-options';
import { parseArgs, type Args } from './args';
import { runFix } from './commands/fix';
import { runFixEncoding } from './commands/fix-encoding';
import { runLint } from './commands/lint';
import { printOutline } from './commands/outline';
import { printRefs } from './commands/refs';
import { runClean } from './commands/clean';
import { runReport } from './commands/report';
import { printProfiles } from './commands/profiles';
import { profilesCacheFile, siteProfilesOf, type SiteProfileResult } from '../node/site-profiles-store';
import { defaultJobs, startPool, type AnalysisNeeded, type AnalysisPart, type AnalysisPool } from '../node/analysis-pool';
import { defaultCacheFile } from '../node/corpus-index';
import { packRecurrence } from '../node/shared-recurrence';
import { siteTable } from '../node/site-table';
import { limitLineMemos } from '../core/text/memo';
import { HELP } from './help';
import { CommandRun, type Output } from './run-context';
import { ChunkedWriter } from './chunked-writer';

export type { AnalysedFile, Output } from './run-context';

/**
 * A command over files: the formats it accepts, the parts of each analysis it reads besides the document (all that
 * workers send back), and its run, which returns whether it found anything.
 */
type FileCommand = CommandOf<Findings, 'findings'> | CommandOf<FindingsAnalysis, 'references'> | CommandOf<Analysis, 'whole'>;

interface CommandOf<A extends Findings, Needed extends AnalysisNeeded> {
  readonly formats: readonly string[];
  readonly reads: readonly AnalysisPart[];
  /** How much of each analysis the parts it reads need (`analysisNeeded`), which is what its run gets. */
  readonly needs: Needed;
  run(ctx: CommandRun<A>): Promise<boolean>;
}

/** The commands over files; a new command is one more entry (and its help text). */
export const FILE_COMMANDS: Readonly<Record<string, FileCommand>> = {
  lint: { formats: ['text', 'json', 'sarif'], reads: ['findings'], needs: 'findings', run: runLint },
  fix: { formats: ['text'], reads: ['findings'], needs: 'findings', run: (ctx) => (ctx.args.encoding ? runFixEncoding(ctx) : runFix(ctx)) },
  outline: { formats: ['text', 'json'], reads: ['article', 'meetings'], needs: 'whole', run: printOutline },
  refs: { formats: ['text', 'json'], reads: ['references'], needs: 'references', run: printRefs },
  report: { formats: ['text', 'json'], reads: ['findings', 'article', 'meetings', 'references'], needs: 'whole', run: runReport },
};

/** `profiles` prints what the corpus's index shows instead of analysing each file. */
const PROFILE_FORMATS = ['text', 'json'];

const COMMANDS = new Set([...Object.keys(FILE_COMMANDS), 'profiles', 'lsp']);

/** Texts kept from the indexing pass up to this many characters, so most runs read each file once. */
const KEPT_CHARS = 128 * 1024 * 1024;
/**
 * A run over more files than this keeps no texts (the few kept would save little, at a cost in memory that adds to
 * the index's), caps the memos and lets the heap grow less: its memory stays nearly flat in the number of files.
 */
const LARGE_RUN_FILES = 20_000;

/** Lines each memo keeps in a run over many files, which meets most lines once (the editor keeps more, for a large document's edits). */
const MEMO_LINES = 10_000;

/**
 * How far the engine lets its heap grow past what the last full collection kept, in a run over many files: by
 * default it may double or more, and most of what a run allocates (file texts, one file's analysis) is garbage soon
 * after, so a run over a million files would take gigabytes it does not use.
 */
const HEAP_GROWING_PERCENT = 15;

let memoryKeptFlat = false;

/** From the moment a listing passes `LARGE_RUN_FILES`: the walk's own garbage would otherwise grow the heap fourfold. */
function keepMemoryFlatPast(listed: number): void {
  if (memoryKeptFlat || listed <= LARGE_RUN_FILES) return;
  memoryKeptFlat = true;
  limitLineMemos(MEMO_LINES);
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Runs the CLI and returns its exit code: 0 nothing found, 1 findings, 2 usage or I/O error. */
export async function run(argv: readonly string[], io: Output): Promise<number> {
  if (argv[0] === 'clean') return runClean(argv.slice(1), io);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.err(`vn-corpus: ${(error as Error).message}\n${HELP['']}\n`);
    return 2;
  }
  if (args.command === undefined || (args.help && !COMMANDS.has(args.command))) {
    io.out(`${HELP['']}\n`);
    return args.command === undefined && !args.help ? 2 : 0;
  }
  if (!COMMANDS.has(args.command)) {
    io.err(`vn-corpus: unknown command "${args.command}"\n${HELP['']}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${HELP[args.command] ?? ''}\n`);
    return 0;
  }
  try {
    return await dispatch(args.command, args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`vn-corpus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(name: string, args: Args, io: Output): Promise<number> {
  if (name === 'lsp') {
    if (!args.stdio) throw new UsageError('lsp needs --stdio');
    const { main } = require('../main') as typeof import('../main');
    main();
    return 0;
  }
  const command = FILE_COMMANDS[name];
  const formats = name === 'profiles' ? PROFILE_FORMATS : command?.formats;
  if (!formats) throw new UsageError(`unknown command "${name}"`);
  if (!formats.includes(args.format)) throw new UsageError(`--format must be one of ${formats.join(', ')} for ${name}`);
  if (args.paths.length === 0) throw new UsageError(`${name} needs at least one file or folder`);
  const files = await collectFiles(args.paths, undefined, keepMemoryFlatPast);
  const options = loadOptions(args, io);
  const jobs = jobsFor(name, args, files.length);
  // The files named on the command line are the corpus: each line's recurrence is counted over them, and their
  // site profiles come from the same index, as in the editor, so lint and fix flag the same site chrome.
  // Both are cached where the language server keeps them for a workspace of the same folder.
  const cacheFile = defaultCacheFile(cacheRoot(args.paths), undefined);
  let sites: SiteProfileResult | undefined;
  const keepChars = files.length > LARGE_RUN_FILES ? 0 : KEPT_CHARS;
  const corpus = new Corpus({ optionsFor: () => (sites ? { ...options, siteChrome: sites.lookup } : options), keepChars, cacheFile, filesFixed: !writesFiles(name, args) });
  // Started before indexing, so the workers load while this thread starts reading the corpus, which they then read
  // and hash with it; this thread is one of the jobs.
  const pool = command && jobs > 1 ? startPool({ workers: jobs - 1, locale: options.locale, onWorkerStopped: (message) => io.err(`vn-corpus: ${message}\n`) }) : undefined;
  try {
    let fromCache = 0;
    // The files the cache lacks are read and hashed on the pool's threads too, their texts sent here to be kept.
    await corpus.indexFiles(files, (p) => { fromCache = p.fromCache; }, undefined, pool ? (list) => pool.hash(list, keepChars > 0) : undefined);
    if (fromCache > 0) io.err(`${indexFromCacheMessage(options.locale, fromCache, files.length - fromCache)}\n`);
    const index = corpus.recurrence;
    if (index) sites = siteProfilesOf(index, profilesCacheFile(cacheFile));
    if (!command) {
      if (sites) printProfiles(sites.profiles, args.format, options.locale, io);
      return 0;
    }
    const onPool = <A extends Findings>(on: AnalysisPool, inThisThread: (file: string) => Promise<FileAnalysis<A>>) => (list: readonly string[]) => on.analyse(list, {
      parts: command.reads, inThisThread, takeText: (file) => corpus.takeKeptText(file),
      recurrence: index ? packRecurrence(index) : undefined,
      sites: sites && index ? siteTable(sites.profiles, index.files()) : undefined,
    });
    // Each file's analysis as `analyse` makes it, on the pool or here one file after the other.
    const runWith = async <A extends Findings>(run: (ctx: CommandRun<A>) => Promise<boolean>, analyse: (file: string) => Promise<FileAnalysis<A>>): Promise<number> => {
      const ctx = new CommandRun<A>(args, io, options.locale, pool ? onPool(pool, analyse) : (list) => oneByOne(list, analyse), files);
      const found = await run(ctx);
      // 2 when a file could not be read, else 1 when the command found something, else 0.
      return ctx.ioFailed ? 2 : found ? 1 : 0;
    };
    if (command.needs === 'whole') return await runWith<Analysis>((ctx) => command.run(ctx), (file) => corpus.analyzeFile(file));
    // No years or meetings are read, so none are made: each file's analysis stops at its findings part.
    if (command.needs === 'references') return await runWith<FindingsAnalysis>((ctx) => command.run(ctx), (file) => corpus.findFile(file));
    // Nor references: only the mentions a reference rule reads are resolved.
    return await runWith<Findings>((ctx) => command.run(ctx), (file) => corpus.findFile(file, 'no references'));
  } finally {
    await pool?.close();
  }
}

/** Each file's analysis in turn. */
async function* oneByOne<A extends Findings>(files: readonly string[], analyse: (file: string) => Promise<FileAnalysis<A>>): AsyncGenerator<FileAnalysis<A>> {
  for (const file of files) yield await analyse(file);
}

/** Files per thread below which a default run uses fewer threads: starting a worker costs more than it saves. */
const FILES_PER_THREAD = 64;

/** Whether the command rewrites the files it analyses (`fix` without `--dry-run`), which then change during the run. */
function writesFiles(command: string, args: Args): boolean {
  return command === 'fix' && !args.dryRun;
}

/**
 * The threads that analyse, the main thread included: `--jobs`, else `defaultJobs()` for a run large enough to
 * share. `fix` that writes files stays in one thread, since each file it writes is a neighbour whose year the next
 * file may read.
 */
function jobsFor(command: string, args: Args, fileCount: number): number {
  if (writesFiles(command, args)) return 1;
  return args.jobs ?? Math.max(1, Math.min(defaultJobs(), Math.floor(fileCount / FILES_PER_THREAD)));
}

/** The folder the index cache is named after: the one folder linted, as the server names it after its workspace folder. */
function cacheRoot(paths: readonly string[]): string {
  return paths.map((p) => path.resolve(p)).join('\n');
}

function indexFromCacheMessage(locale: Locale, unchanged: number, read: number): string {
  return locale === 'vi'
    ? `chỉ mục: lấy từ bộ nhớ đệm, ${unchanged} tệp không đổi${read > 0 ? `, ${read} tệp đọc lại` : ''}`
    : `index: from cache, ${unchanged} file${unchanged === 1 ? '' : 's'} unchanged${read > 0 ? `, ${read} read again` : ''}`;
}

/** The analysis options from `.vn-corpus/` in the current folder or the nearest parent; problems go to stderr. */
export function loadOptions(args: Pick<Args, 'lang'>, io: Output): AnalysisOptions {
  const { options, problems } = projectOptions(findProjectRoot(process.cwd()), cliLocale(args));
  for (const p of problems) io.err(`vn-corpus: ${p.file}: ${p.message} (skipped; defaults used)\n`);
  return options;
}

function cliLocale(args: Pick<Args, 'lang'>): Locale {
  return args.lang ?? toLocale(process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG);
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export function cliMain(): void {
  // A terminal shows each line as it comes; a file or a pipe gets the output in chunks, and whatever goes to stderr
  // comes after the output before it, as when both were written at once.
  const chunks = process.stdout.isTTY ? undefined : new ChunkedWriter((t) => process.stdout.write(t));
  const io: Output = {
    out: chunks ? (t) => chunks.add(t) : (t) => process.stdout.write(t),
    err: (t) => { chunks?.flush(); process.stderr.write(t); },
    isTTY: process.stderr.isTTY === true,
  };
  // A closed pipe (`vn-corpus lint … | head`) ends the output quietly instead of crashing.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), io).then(
    (code) => {
      chunks?.flush();
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(`vn-corpus: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) cliMain();
