import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { yearEvidenceLabel } from '../core/dates/describe';
import { dateLabel } from '../core/meetings/dates';
import type { Locale } from '../core/types';
import { toOffset } from './convert';

/**
 * After a bare day/month date of a meeting ("Ngày 17/12"), the full date with the inferred year (`2020-12-17`),
 * or `????-12-17` when nothing fixes the year; the tooltip says which evidence did.
 */
export function toInlayHints(analysis: Analysis, range: Range, locale: Locale = 'en'): InlayHint[] {
  const lines = analysis.doc.lines;
  const from = toOffset(lines, range.start);
  const to = toOffset(lines, range.end);
  const hints: InlayHint[] = [];
  for (const meeting of analysis.meetings) {
    const date = meeting.date;
    if (!date?.yearInferred || date.span.end < from || date.span.start > to) continue;
    hints.push({
      position: lines.toPosition(date.span.end),
      label: `→ ${dateLabel(date)}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: yearEvidenceLabel(date, locale),
    });
  }
  return hints;
}
