import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixAll } from '../../core/fix-all';
import { unifiedDiff } from '../diff';
import type { Findings } from '../../core/analyze';
import type { CommandRun } from '../run-context';

/** Removes certain boilerplate from each file (or prints the diff); returns whether anything changed. */
export async function runFix(ctx: CommandRun<Findings>): Promise<boolean> {
  const { io } = ctx;
  const dryRun = ctx.args.dryRun;
  let changed = 0;
  for await (const r of ctx.analysed()) {
    const before = r.analysis.doc.text;
    const after = applyFixAll(r.analysis);
    if (after === before) continue;
    changed++;
    const name = path.relative(process.cwd(), r.file);
    if (dryRun) io.out(unifiedDiff(name, before, after));
    else writePreservingBom(r.file, after);
  }
  io.err(`${dryRun ? 'would change' : 'changed'} ${changed} file${changed === 1 ? '' : 's'}\n`);
  return changed > 0;
}

/** Writes the file through a temporary file, keeping a byte-order mark it had. */
export function writePreservingBom(file: string, text: string): void {
  const bytes = fs.readFileSync(file);
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const tmp = `${file}.vn-corpus-tmp`;
  fs.writeFileSync(tmp, (hadBom ? '\uFEFF' : '') + text, 'utf8');
  fs.renameSync(tmp, file);
}
