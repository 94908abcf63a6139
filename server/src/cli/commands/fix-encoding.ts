import * as path from 'node:path';
import { applyEdits } from '../../core/text/line-edits';
import { unifiedDiff } from '../diff';
import type { Findings } from '../../core/analyze';
import type { CommandRun } from '../run-context';
import { writePreservingBom } from './fix';

/**
 * `vn-corpus fix --encoding`: converts files in a broken or legacy encoding (mojibake, Windows-1258, TCVN3, VNI) to
 * Unicode NFC where the conversion is exact, and reports the files that look broken but do not convert exactly.
 * Returns whether anything changed (or would change).
 */
export async function runFixEncoding(ctx: CommandRun<Findings>): Promise<boolean> {
  const { io } = ctx;
  const dryRun = ctx.args.dryRun;
  let changed = 0;
  for await (const r of ctx.analysed()) {
    const finding = r.analysis.findings.find((f) => f.ruleId === 'text/encoding');
    if (!finding) continue;
    const name = path.relative(process.cwd(), r.file);
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix) {
      io.err(`${name}: not converted: ${finding.message}\n`);
      continue;
    }
    const after = applyEdits(r.analysis.doc.text, fix.edits);
    changed++;
    if (dryRun) io.out(unifiedDiff(name, r.analysis.doc.text, after));
    else writePreservingBom(r.file, after);
  }
  io.err(`${dryRun ? 'would convert' : 'converted'} ${changed} file${changed === 1 ? '' : 's'}\n`);
  return changed > 0;
}
