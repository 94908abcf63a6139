import type { ArticleText } from './article-text';
import type { Edit, Span } from '../types';

/**
 * An edit that deletes lines `first..last` with their line break.
 * When the lines sit between two blank lines, the following blank line goes too, so one blank line remains.
 */
export function deleteLines(doc: ArticleText, first: number, last: number): Edit {
  const from = doc.line(first);
  let to = doc.line(last);
  const isLastLine = to.endWithBreak === to.end;
  if (isLastLine && first > 0) {
    // Nothing follows: take the preceding line break instead, and any blank lines before it.
    let keep = first - 1;
    while (keep > 0 && doc.isBlank(keep)) keep--;
    return { span: { start: doc.line(keep).end, end: to.end }, newText: '' };
  }
  const before = first > 0 && doc.isBlank(first - 1);
  const next = last + 1;
  if (before && next < doc.lineCount && doc.isBlank(next)) to = doc.line(next);
  return { span: { start: from.start, end: to.endWithBreak }, newText: '' };
}

/** The span of a line's content, without its break. */
export function lineSpan(doc: ArticleText, index: number): Span {
  const info = doc.line(index);
  return { start: info.start, end: info.end };
}

/** Merges deletion edits whose spans overlap or touch, so a batch of them can be applied at once. */
export function mergeEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const merged: Edit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && edit.span.start < last.span.end && last.newText === '' && edit.newText === '') {
      merged[merged.length - 1] = { span: { start: last.span.start, end: Math.max(last.span.end, edit.span.end) }, newText: '' };
    } else if (last && edit.span.start < last.span.end) {
      continue; // Overlapping replacement: keep the first; the next run of the fix picks up the rest.
    } else {
      merged.push(edit);
    }
  }
  return merged;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = mergeEdits(edits);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return out + text.slice(at);
}
