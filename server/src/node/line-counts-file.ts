import * as fs from 'node:fs';
import { LineCounts, MIN_USEFUL_COUNT, parseLineCountsLine } from '../core/corpus/line-counts';
import { readLines } from './jsonl';

/** Reads a line-counts table (see `core/corpus/line-counts.ts`), or says which line is wrong. */
export async function readLineCounts(file: string): Promise<{ readonly counts: LineCounts } | { readonly problem: string }> {
  const counts = new LineCounts();
  let header = false;
  try {
    for await (const line of readLines(fs.createReadStream(file))) {
      if ('tooLong' in line) return { problem: `line ${line.lineNo} is too long` };
      const parsed = parseLineCountsLine(line.bytes.toString('utf8'));
      if (parsed.kind === 'blank') continue;
      if (parsed.kind === 'problem') return { problem: `line ${line.lineNo}: ${parsed.message}` };
      if (parsed.kind === 'header') {
        if (header) return { problem: `line ${line.lineNo}: a second header` };
        header = true;
        counts.addRecords(parsed.records);
      } else if (!header) return { problem: `line ${line.lineNo}: rows before the header` };
      // Rows under the smallest threshold settings allow can never make a line recur; dropping them keeps memory small.
      else if (parsed.count >= MIN_USEFUL_COUNT) counts.addRow(parsed.hash, parsed.count, parsed.ids);
    }
  } catch (error) {
    return { problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return header ? { counts } : { problem: 'no header line; expected {"vnCorpusLineCounts":1,"records":N}' };
}
