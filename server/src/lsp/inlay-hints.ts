import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { toOffset } from './convert';

/** After a bare day/month date of a meeting ("Ngày 17/12"), the full date with the inferred year (`2020-12-17`). */
export function toInlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const lines = analysis.doc.lines;
  const from = toOffset(lines, range.start);
  const to = toOffset(lines, range.end);
  const hints: InlayHint[] = [];
  for (const meeting of analysis.meetings) {
    const date = meeting.date;
    if (!date?.yearInferred || date.span.end < from || date.span.start > to) continue;
    hints.push({
      position: lines.toPosition(date.span.end),
      label: `→ ${date.iso}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: 'year inferred from the article / năm được suy ra từ bài viết',
    });
  }
  return hints;
}
