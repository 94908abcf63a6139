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
  /** `fix --encoding`: convert legacy encodings instead of removing boilerplate. */
  readonly encoding: boolean;
}

const FLAGS_WITH_VALUE = new Set(['--format', '--lang', '--html']);

/** Parses `vn-corpus <command> [options] <paths…>`. */
export function parseArgs(argv: readonly string[]): Args {
  let command: string | undefined;
  const paths: string[] = [];
  const values: Record<string, string> = {};
  let dryRun = false;
  let help = false;
  let stdio = false;
  let encoding = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (FLAGS_WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values[flag] = value;
    } else if (flag === '--dry-run') dryRun = true;
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--stdio') stdio = true;
    else if (flag === '--encoding') encoding = true;
    else if (flag === '--node-ipc' || flag.startsWith('--clientProcessId')) continue;
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (command === undefined) command = arg;
    else paths.push(arg);
  }
  const lang = values['--lang'];
  if (lang !== undefined && lang !== 'en' && lang !== 'vi') throw new UsageError('--lang must be en or vi');
  return { command, paths, format: values['--format'] ?? 'text', lang, dryRun, help, stdio, html: values['--html'], encoding };
}
