import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisOptions } from '../core/analyze';
import { toLocale } from '../core/i18n/localize';
import { Corpus } from '../node/corpus';
import { collectFiles, UsageError } from '../node/walk';
import { loadCatalog, readAllowedLines, readProjectConfig, PROJECT_DIR } from '../node/workspace-files';
import { parseArgs, type Args } from './args';
import { runFix } from './commands/fix';
import { runFixEncoding } from './commands/fix-encoding';
import { runLint } from './commands/lint';
import { printOutline } from './commands/outline';
import { printRefs } from './commands/refs';
import { runClean } from './commands/clean';
import { runReport } from './commands/report';
import { printProfiles } from './commands/profiles';
import { siteProfilesOf, type SiteProfileResult } from '../node/site-profiles-store';
import { HELP } from './help';
import { CommandRun, type Output } from './run-context';

export type { AnalysedFile, Output } from './run-context';

/** A command over files: the formats it accepts, and its run, which returns whether it found anything. */
interface FileCommand {
  readonly formats: readonly string[];
  run(ctx: CommandRun): Promise<boolean>;
}

/** The commands over files; a new command is one more entry (and its help text). */
const FILE_COMMANDS: Readonly<Record<string, FileCommand>> = {
  lint: { formats: ['text', 'json', 'sarif'], run: runLint },
  fix: { formats: ['text'], run: (ctx) => (ctx.args.encoding ? runFixEncoding(ctx) : runFix(ctx)) },
  outline: { formats: ['text', 'json'], run: printOutline },
  refs: { formats: ['text', 'json'], run: printRefs },
  report: { formats: ['text', 'json'], run: runReport },
};

/** `profiles` prints what the corpus's index shows instead of analysing each file. */
const PROFILE_FORMATS = ['text', 'json'];

const COMMANDS = new Set([...Object.keys(FILE_COMMANDS), 'profiles', 'lsp']);

/** Texts kept from the indexing pass up to this many characters, so most runs read each file once. */
const KEPT_CHARS = 128 * 1024 * 1024;

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
  const files = await collectFiles(args.paths);
  const options = loadOptions(args, io);
  // The files named on the command line are the corpus: each line's recurrence is counted over them, and their
  // site profiles come from the same index, as in the editor, so lint and fix flag the same site chrome.
  let sites: SiteProfileResult | undefined;
  const corpus = new Corpus({ optionsFor: () => (sites ? { ...options, siteChrome: sites.lookup } : options), keepChars: KEPT_CHARS });
  await corpus.indexFiles(files);
  if (corpus.recurrence) sites = siteProfilesOf(corpus.recurrence, undefined);
  if (!command) {
    if (sites) printProfiles(sites.profiles, args.format, options.locale, io);
    return 0;
  }
  const ctx = new CommandRun(args, io, options.locale, corpus, files);
  const found = await command.run(ctx);
  return ctx.ioFailed ? 2 : found ? 1 : 0;
}

/** The analysis options from `.vn-corpus/` in the current folder or the nearest parent; problems go to stderr. */
export function loadOptions(args: Pick<Args, 'lang'>, io: Output): AnalysisOptions {
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
  };
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, PROJECT_DIR))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
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
