import * as path from 'node:path';
import { buildReport, type CorpusReport } from '../core/report/corpus-report';
import { summarizeFile, type FileSummary } from '../core/report/file-summary';
import type { Locale } from '../core/types';
import type { Corpus } from './corpus';
import { fileStamp } from './read-text';

/** A report over `done` of `total` files. */
export interface ReportProgress {
  readonly done: number;
  readonly total: number;
  readonly report: CorpusReport;
}

/** When partial reports go out while a corpus is summarised. */
export interface PushPolicy {
  /** At most this often. */
  readonly everyMs: number;
  /** And once after this many files, so a large corpus shows something at once. */
  readonly firstAfter: number;
}

/** A file's path relative to the corpus root, with `/` separators. */
export function toReportPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The report's summaries of a corpus (open documents from the editor's text, other indexed files from disk), kept
 * per file until the file changes or `clear` is called (the index or the settings changed, so findings may differ).
 */
export class ReportSummaries {
  private readonly cache = new Map<string, { readonly stamp: string; readonly summary: FileSummary }>();

  constructor(private readonly corpus: Corpus, private readonly root: string, private readonly locale: Locale) {}

  /** Forgets every summary. */
  clear(): void {
    this.cache.clear();
  }

  /** Summarises the corpus, reporting partial results by the policy; undefined when cancelled. */
  async build(isCancelled: () => boolean, onPartial: (p: ReportProgress) => void, policy: PushPolicy): Promise<ReportProgress | undefined> {
    const summaries: FileSummary[] = [];
    const problems: { path: string; problem: string }[] = [];
    const rootName = path.basename(this.root);
    const total = (): number => Math.max(this.corpus.indexedFiles.length, summaries.length + problems.length);
    let pushed = Date.now();
    const reuse = (file: string): FileSummary | undefined => {
      const hit = this.cache.get(file);
      return hit && hit.stamp === fileStamp(file) ? hit.summary : undefined;
    };
    for await (const entry of this.corpus.openAndIndexed(isCancelled, reuse, 'background')) {
      const rel = toReportPath(this.root, entry.file);
      if ('cached' in entry) summaries.push(entry.cached);
      else if ('problem' in entry) problems.push({ path: rel, problem: entry.problem });
      else {
        const summary = summarizeFile(entry.uri, rel, rootName, entry.analysis, this.locale);
        const stamp = entry.version === null ? fileStamp(entry.file) : undefined;
        if (stamp !== undefined) this.cache.set(entry.file, { stamp, summary });
        summaries.push(summary);
      }
      const done = summaries.length + problems.length;
      if (Date.now() - pushed > policy.everyMs || (done === policy.firstAfter && total() > done)) {
        onPartial({ done, total: total(), report: buildReport(summaries, problems) });
        pushed = Date.now();
      }
    }
    if (isCancelled()) return undefined;
    const done = summaries.length + problems.length;
    return { done, total: done, report: buildReport(summaries, problems) };
  }
}
