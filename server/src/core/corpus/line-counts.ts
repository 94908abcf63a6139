/**
 * Corpus line counts that travel between processes: per line hash (the keys of `line-frequency.ts`), how many
 * records hold it and the first few record ids that do. Shards count their own records, a reduce adds the
 * tables up in shard order, and `clean --line-counts` reads the sum, so recurrence is judged over the whole
 * corpus. The text form is JSON Lines: a header `{"vnCorpusLineCounts":1,"records":N}`, then `[hash, count, id…]`.
 */
import { hashKey, type RecurrenceIndex } from './line-frequency';

/** The format version written in the header. */
export const LINE_COUNTS_VERSION = 1;

/** Sample ids kept per hash, as the in-editor index keeps sample files. */
export const SAMPLES_KEPT = 4;

/** Counts below this never make a line recur (settings refuse `minFiles` under 2), so tables may drop them. */
export const MIN_USEFUL_COUNT = 2;

/** Line-hash counts over a set of records, added to record by record. */
export class LineCounts implements RecurrenceIndex {
  private readonly counts = new Map<number, number>();
  private readonly samples = new Map<number, string[]>();
  private records = 0;
  private changes = 0;

  get revision(): number {
    return this.changes;
  }

  /** Number of records counted. */
  get fileCount(): number {
    return this.records;
  }

  /** Adds one record's distinct line hashes. */
  add(id: string, hashes: Iterable<number>): void {
    this.records++;
    this.changes++;
    for (const h of hashes) this.addRow(h, 1, [id]);
  }

  /** Adds a row of another table (counted after every row added so far). */
  addRow(hash: number, count: number, ids: readonly string[]): void {
    this.changes++;
    this.counts.set(hash, (this.counts.get(hash) ?? 0) + count);
    const list = this.samples.get(hash);
    if (!list) this.samples.set(hash, ids.slice(0, SAMPLES_KEPT));
    else for (const id of ids) if (list.length < SAMPLES_KEPT) list.push(id);
  }

  /** Adds the records of another table's header. */
  addRecords(n: number): void {
    this.changes++;
    this.records += n;
  }

  filesWith(key: string): number {
    return this.counts.get(hashKey(key)) ?? 0;
  }

  sampleFiles(key: string, except: string | undefined, limit: number): string[] {
    return (this.samples.get(hashKey(key)) ?? []).filter((f) => f !== except).slice(0, limit);
  }

  /** The table as JSON Lines, header first, rows in ascending hash order (so equal tables print equal). */
  *toJsonLines(): Generator<string> {
    yield `${JSON.stringify({ vnCorpusLineCounts: LINE_COUNTS_VERSION, records: this.records })}\n`;
    for (const hash of [...this.counts.keys()].sort((a, b) => a - b)) {
      yield `${JSON.stringify([hash, this.counts.get(hash) ?? 0, ...(this.samples.get(hash) ?? [])])}\n`;
    }
  }
}

/** A parsed line of a counts table, or why it is not one. */
export type LineCountsLine =
  | { readonly kind: 'header'; readonly records: number }
  | { readonly kind: 'row'; readonly hash: number; readonly count: number; readonly ids: readonly string[] }
  | { readonly kind: 'blank' }
  | { readonly kind: 'problem'; readonly message: string };

/** Parses one line of a counts table. */
export function parseLineCountsLine(line: string): LineCountsLine {
  if (line.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'problem', message: 'not JSON' };
  }
  if (Array.isArray(value)) {
    const [hash, count, ...ids] = value as unknown[];
    const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (!isCount(hash) || hash > 0xffffffff || !isCount(count) || !ids.every((id) => typeof id === 'string')) {
      return { kind: 'problem', message: 'a row must be [hash, count, id…] with a 32-bit hash and a count' };
    }
    return { kind: 'row', hash, count, ids: ids as string[] };
  }
  if (typeof value === 'object' && value !== null && 'vnCorpusLineCounts' in value) {
    const v = value as { vnCorpusLineCounts: unknown; records?: unknown };
    if (v.vnCorpusLineCounts !== LINE_COUNTS_VERSION) return { kind: 'problem', message: `unsupported version ${JSON.stringify(v.vnCorpusLineCounts)}` };
    if (typeof v.records !== 'number' || !Number.isInteger(v.records) || v.records < 0) return { kind: 'problem', message: 'the header needs a record count' };
    return { kind: 'header', records: v.records };
  }
  return { kind: 'problem', message: 'neither a header nor a row' };
}
