import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis, type AnalysisOptions } from '../core/analyze';
import type { YearHints } from '../core/dates/article-years';
import { NeighbourYears } from '../node/neighbour-years';
import { LineFrequencyIndex, lineHashes } from '../core/corpus/line-frequency';
import { toLocale } from '../core/i18n/localize';
import { loadCatalog, readAllowedLines, readProjectConfig, PROJECT_DIR } from '../node/workspace-files';
import { parseArgs, type Args } from './args';
import { HELP } from './help';
import { keptOrRead, readText } from '../node/read-text';
import { lintFiles } from './lint-run';
import { runFix } from './commands/fix';
import { printLint } from './commands/lint';
import { printOutline } from './commands/outline';
import { printRefs } from './commands/refs';
import { collectFiles, UsageError } from '../node/walk';

/** One analysed file, or why it could not be analysed. */
export type FileResult = { readonly file: string; readonly uri: string; readonly analysis: Analysis } | { readonly file: string; readonly uri: string; readonly problem: string };

/** Where output goes; tests pass their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

const COMMANDS = new Set(['lint', 'fix', 'outline', 'refs', 'lsp']);

/** Runs the CLI and returns its exit code: 0 nothing found, 1 findings, 2 usage or I/O error. */
export async function run(argv: readonly string[], io: Output): Promise<number> {
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
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`vn-corpus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(args: Args, io: Output): Promise<number> {
  if (args.command === 'lsp') {
    if (!args.stdio) throw new UsageError('lsp needs --stdio');
    const { main } = require('../main') as typeof import('../main');
    main();
    return 0;
  }
  const formats: Record<string, readonly string[]> = { lint: ['text', 'json', 'sarif'], outline: ['text', 'json'], refs: ['text', 'json'], fix: ['text'] };
  const allowed = formats[args.command ?? ''];
  if (allowed && !allowed.includes(args.format)) throw new UsageError(`--format must be one of ${allowed.join(', ')} for ${args.command}`);
  if (args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);
  const files = collectFiles(args.paths);
  const options = loadOptions(args, io);
  const { index, kept } = indexFiles(files);
  if (args.command === 'lint') {
    const records = lintFiles(files, kept, { ...options, recurrence: index });
    for (const r of records) if ('problem' in r) io.err(`vn-corpus: ${r.file}: ${r.problem}; skipped\n`);
    const found = printLint(records, args.format, io);
    return records.some((r) => 'problem' in r) ? 2 : found ? 1 : 0;
  }
  const results = analyzeAll(files, { ...options, recurrence: index }, io, kept);
  const ioFailed = results.some((r) => 'problem' in r);
  let found: boolean;
  if (args.command === 'fix') found = runFix(results, args.dryRun, io);
  else if (args.command === 'outline') found = printOutline(results, args.format, io);
  else found = printRefs(results, args.format, io);
  return ioFailed ? 2 : found ? 1 : 0;
}

function loadOptions(args: Args, io: Output): AnalysisOptions {
  const root = findProjectRoot(process.cwd());
  const config = readProjectConfig(root);
  const catalog = loadCatalog(root, config.settings.catalogs, true);
  const allowed = readAllowedLines(root);
  for (const p of [...config.problems, ...catalog.problems, ...allowed.problems]) io.err(`vn-corpus: ${p.file}: ${p.message} (skipped; defaults used)\n`);
  return {
    locale: args.lang ?? toLocale(process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG),
    severities: config.settings.rules,
    extraPhrases: config.settings.boilerplate.extraPhrases,
    allowedLines: allowed.lines,
    catalog: catalog.catalog,
    recurrenceThreshold: config.settings.boilerplate.recurrence,
    ...(config.settings.meetings.period ? { years: { period: config.settings.meetings.period } } : {}),
  };
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, PROJECT_DIR))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** Texts kept from the indexing pass up to this many characters, so most runs read each file once. */
const KEPT_CHARS = 128 * 1024 * 1024;

/** Counts recurring lines across the files, keeping the texts it read while they fit. */
function indexFiles(files: readonly string[]): { index: LineFrequencyIndex; kept: Map<string, string> } {
  const index = new LineFrequencyIndex();
  const kept = new Map<string, string>();
  let keptChars = 0;
  if (files.length < 2) return { index, kept };
  for (const file of files) {
    const read = readText(file);
    if (!('text' in read)) continue;
    index.setFile(file, lineHashes(read.text));
    if (keptChars < KEPT_CHARS) {
      kept.set(file, read.text);
      keptChars += read.text.length;
    }
  }
  return { index, kept };
}

const neighbourYears = new NeighbourYears();

/** The period setting and, for dates without a year, the year neighbouring files of the folder agree on. */
function yearHints(file: string, options: AnalysisOptions): YearHints {
  const neighbours = neighbourYears.hintsFor(file, options);
  return { ...options.years, ...(neighbours ? { neighbours } : {}) };
}

/** Analyses each file with the options (recurrence index included). */
function analyzeAll(files: readonly string[], options: AnalysisOptions, io: Output, kept: ReadonlyMap<string, string>): FileResult[] {
  const results: FileResult[] = [];
  const showProgress = io.isTTY && files.length > 50;
  files.forEach((file, i) => {
    const uri = pathToFileURL(file).toString();
    const read = keptOrRead(file, kept);
    if ('problem' in read) {
      io.err(`vn-corpus: ${file}: ${read.problem}; skipped\n`);
      results.push({ file, uri, problem: read.problem });
    } else {
      results.push({ file, uri, analysis: analyze(read.text, { ...options, path: file, years: yearHints(file, options) }) });
    }
    if (showProgress && (i % 100 === 99 || i === files.length - 1)) io.err(`\r${i + 1}/${files.length} files`);
  });
  if (showProgress) io.err('\n');
  return results;
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export function cliMain(): void {
  const io: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true };
  // A closed pipe (`vn-corpus lint … | head`) ends the output quietly instead of crashing.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      io.err(`vn-corpus: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) cliMain();
