import type { FoldingRange } from 'vscode-languageserver';
import type { FindingsAnalysis } from '../core/analyze';

/** Boilerplate blocks as folding ranges: multi-line findings, and runs of two or more flagged whole lines. */
export function toFoldingRanges(analysis: FindingsAnalysis): FoldingRange[] {
  const lines = analysis.doc.lines;
  const flagged = new Set<number>();
  const ranges: FoldingRange[] = [];
  for (const f of analysis.findings) {
    if (!f.ruleId.startsWith('boilerplate/') || f.tier === 'weak') continue;
    const start = lines.toPosition(f.span.start).line;
    const end = lines.toPosition(f.span.end).line;
    if (end > start) ranges.push({ startLine: Math.max(0, start - 1), endLine: end, kind: 'region' });
    for (let l = start; l <= end; l++) flagged.add(l);
  }
  const sorted = [...flagged].sort((a, b) => a - b);
  let runStart = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur !== undefined && prev !== undefined && nextContentLine(analysis, prev) === cur) continue;
    if (runStart !== undefined && prev !== undefined && prev > runStart) ranges.push({ startLine: runStart, endLine: prev, kind: 'region' });
    runStart = cur;
  }
  return ranges;
}

/** The next non-blank line after `line`, so blank lines between debris lines do not split a run. */
function nextContentLine(analysis: FindingsAnalysis, line: number): number {
  let next = line + 1;
  while (next < analysis.doc.lineCount && analysis.doc.isBlank(next)) next++;
  return next;
}
