import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { hashKey } from '../core/corpus/line-frequency';
import type { CleanRecord } from '../core/corpus/clean-record';
import { DrainingWriter } from '../node/jsonl';
import { UsageError } from '../node/walk';
import type { BadRecord, GoodRecord } from './clean-input';

/** Where cleaned records go: JSON Lines on a stream, or a folder of `.txt` files and one `audit.jsonl`. */
export interface CleanSink {
  good(record: GoodRecord, result: CleanRecord): Promise<void>;
  bad(record: BadRecord): Promise<void>;
  close(): Promise<void>;
}

/** The output record: the input's fields in their order, `text` cleaned, then `removed`, `findings` and `meta`. */
export function toOutputRecord(record: GoodRecord, result: CleanRecord): Record<string, unknown> {
  return { ...(record.fields.id === undefined ? { id: record.id } : {}), ...record.fields, text: result.text, removed: result.removed, findings: result.findings, meta: result.meta };
}

/** JSON Lines on a stream, one line per input record in input order; bad lines pass through as they were. */
export function jsonlSink(stream: Writable): CleanSink {
  const out = new DrainingWriter(stream);
  return {
    good: (record, result) => out.write(`${JSON.stringify(toOutputRecord(record, result))}\n`),
    bad: async (record) => {
      if (record.raw) {
        await out.write(record.raw);
        await out.write('\n');
      } else await out.write(`${JSON.stringify({ id: record.id ?? null, problem: record.problem })}\n`);
    },
    close: async () => undefined,
  };
}

/**
 * A new or empty folder gets one cleaned `.txt` per record and `audit.jsonl` with everything but the text.
 * Refusing a folder that holds anything means no input file can be overwritten, and a repeated id is noticed.
 */
export function directorySink(dir: string): CleanSink {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--output-dir ${dir} is not a folder`);
    if (fs.readdirSync(dir).length > 0) throw new UsageError(`--output-dir ${dir} is not empty; choose a new or empty folder`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const auditStream = fs.createWriteStream(path.join(dir, 'audit.jsonl'));
  const audit = new DrainingWriter(auditStream);
  return {
    async good(record, result) {
      const rel = record.rel ?? toFileName(record.id);
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      try {
        fs.writeFileSync(file, result.text, { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new RecordWriteError(code === 'EEXIST' ? `${rel} was already written: the id is repeated` : `cannot write ${rel}: ${code ?? String(error)}`);
      }
      const entry: Record<string, unknown> = { ...toOutputRecord(record, result), file: rel.split(path.sep).join('/') };
      delete entry.text;
      await audit.write(`${JSON.stringify(entry)}\n`);
    },
    async bad(record) {
      await audit.write(`${JSON.stringify({ ...(record.id !== undefined ? { id: record.id } : {}), where: record.where, problem: record.problem, ...(record.raw ? { raw: record.raw.toString('utf8') } : {}) })}\n`);
    },
    close: () => new Promise<void>((resolve, reject) => auditStream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/** A record's output could not be written; the run reports it and goes on. */
export class RecordWriteError extends Error {}

/** A file name for an id: percent-encoded so no id can leave the folder, shortened with a hash when too long. */
export function toFileName(id: string): string {
  const encoded = encodeURIComponent(id).replace(/^\./u, '%2E');
  const name = encoded.length > 180 ? `${encoded.slice(0, 160)}-${hashKey(id).toString(16)}` : encoded;
  return `${name}.txt`;
}

/** Counts for the summary line: records, bad records, lines removed per rule, time. */
export class CleanTally {
  records = 0;
  bad = 0;
  readonly linesByRule = new Map<string, number>();
  readonly spansByRule = new Map<string, number>();

  /** Starts counting time at `started` (a `performance.now()` reading): the whole run, counting pass included. */
  constructor(private readonly started = performance.now()) {}

  /** Adds one cleaned record. */
  addGood(result: CleanRecord): void {
    this.records++;
    for (const r of result.removed) {
      this.linesByRule.set(r.rule, (this.linesByRule.get(r.rule) ?? 0) + r.lines);
      this.spansByRule.set(r.rule, (this.spansByRule.get(r.rule) ?? 0) + 1);
    }
  }

  /** Adds one record that could not be cleaned. */
  addBad(): void {
    this.records++;
    this.bad++;
  }

  /** Total spans removed. */
  get removedSpans(): number {
    let n = 0;
    for (const v of this.spansByRule.values()) n += v;
    return n;
  }

  /** The summary as data, for `--summary-json` and merged distributed runs. */
  toJson(): { records: number; bad: number; linesRemoved: Record<string, number>; spansRemoved: Record<string, number>; seconds: number } {
    const sorted = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    return { records: this.records, bad: this.bad, linesRemoved: sorted(this.linesByRule), spansRemoved: sorted(this.spansByRule), seconds: Math.round((performance.now() - this.started) / 10) / 100 };
  }

  /** The one summary line printed at the end. */
  toLine(): string {
    const s = this.toJson();
    const lines = Object.values(s.linesRemoved).reduce((a, b) => a + b, 0);
    const byRule = Object.entries(s.linesRemoved).map(([rule, n]) => `${rule} ${n}`).join(', ');
    return `clean: ${s.records} record${s.records === 1 ? '' : 's'} (${s.bad} bad), ${lines} line${lines === 1 ? '' : 's'} removed${byRule ? ` (${byRule})` : ''}, ${s.seconds.toFixed(2)} s`;
  }
}
