import type { Findings } from './analyze';
import { applyEdits, mergeEdits } from './text/line-edits';
import type { Edit } from './types';

/** The edits of "remove all boilerplate": the preferred fix of every certain boilerplate finding, merged. */
export function fixAllEdits(analysis: Findings): Edit[] {
  const edits = analysis.findings
    .filter((f) => f.tier === 'certain' && f.ruleId.startsWith('boilerplate/'))
    .flatMap((f) => (f.fixes.find((x) => x.preferred) ?? f.fixes[0])?.edits ?? []);
  return mergeEdits(edits);
}

/** The text after fix-all. */
export function applyFixAll(analysis: Findings): string {
  return applyEdits(analysis.doc.text, fixAllEdits(analysis));
}
