import type { Analysis, Findings } from '../core/analyze';
import type { Locale } from '../core/types';
import type { FileAnalysis } from '../node/corpus';
import type { Args } from './args';

/** Where output goes; tests pass their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

/** One file analysed for a command: its whole analysis, or for a command that reads no meetings, its findings part. */
export interface AnalysedFile<A extends Findings = Analysis> {
  readonly file: string;
  readonly uri: string;
  readonly analysis: A;
}

/**
 * What a command gets: its arguments, the output, and the analysed files, streamed in input order.
 * Files that cannot be read are reported on stderr, skipped, and make the exit code 2.
 */
export class CommandRun<A extends Findings = Analysis> {
  private failed = false;

  constructor(
    readonly args: Args,
    readonly io: Output,
    /** The interface language of messages. */
    readonly locale: Locale,
    /** Analyses the files in their order: in this thread through the corpus, or on the worker pool. */
    private readonly analyses: (files: readonly string[]) => AsyncIterable<FileAnalysis<A>>,
    readonly files: readonly string[],
  ) {}

  /** True when some file could not be read. */
  get ioFailed(): boolean {
    return this.failed;
  }

  /** The analysed files one by one, with progress on a terminal for long runs. */
  async *analysed(): AsyncGenerator<AnalysedFile<A>> {
    const showProgress = this.io.isTTY && this.files.length > 50;
    let done = 0;
    for await (const r of this.analyses(this.files)) {
      done++;
      if (showProgress && (done % 100 === 0 || done === this.files.length)) this.io.err(`\r${done}/${this.files.length} files`);
      if ('problem' in r) {
        this.io.err(`vn-corpus: ${r.file}: ${r.problem}; skipped\n`);
        this.failed = true;
        continue;
      }
      yield r;
    }
    if (showProgress) this.io.err('\n');
  }

  /** Every analysed file, for commands that print once at the end. */
  async all(): Promise<AnalysedFile<A>[]> {
    const out: AnalysedFile<A>[] = [];
    for await (const r of this.analysed()) out.push(r);
    return out;
  }
}
