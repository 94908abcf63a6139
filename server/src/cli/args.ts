import { parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from '../node/walk';

/** A parsed command line. */
export interface Args {
  readonly command: string | undefined;
  readonly paths: string[];
  readonly format: string;
  readonly lang: 'en' | 'vi' | undefined;
  readonly dryRun: boolean;
  readonly help: boolean;
  readonly stdio: boolean;
  /** `report --html FILE`. */
  readonly html: string | undefined;
  /** `fix --encoding`: convert broken or legacy encodings instead of removing boilerplate. */
  readonly encoding: boolean;
  /** `--jobs N`: analyse on N threads, the main thread and N - 1 workers. Undefined: the cores less one, for large runs. */
  readonly jobs: number | undefined;
}

/** Parses `vn-corpus <command> [options] <paths…>`. */
export function parseArgs(argv: readonly string[]): Args {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'vi') throw new UsageError('--lang must be en or vi');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs must be a whole number of at least 1');
  const [command, ...paths] = positionals;
  return { command, paths, format: values.format ?? 'text', lang, dryRun: values['dry-run'] === true, help: values.help === true, stdio: values.stdio === true, html: values.html, encoding: values.encoding === true, jobs };
}

function parse(argv: readonly string[]) {
  return parseNodeArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      stdio: { type: 'boolean' },
      html: { type: 'string' },
      encoding: { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      // Passed by editors that start the server through the CLI; the transport reads them itself.
      'node-ipc': { type: 'boolean' },
      clientProcessId: { type: 'string' },
    },
  });
}
