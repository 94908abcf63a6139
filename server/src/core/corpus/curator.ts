/**
 * Learning from the curator: the whole lines a hand edit deleted, and the edits that delete the same line
 * elsewhere. A line the curator deletes in one page and that other pages also hold is most likely chrome the
 * rules missed; the editor offers to remove it everywhere and to keep it as a user phrase.
 */
import { toLineKey, ArticleText } from '../text/article-text';
import { deleteLines, mergeEdits } from '../text/line-edits';
import type { Edit } from '../types';
import { isCountedKey } from './line-frequency';

/**
 * The whole, non-blank lines removed when `text[start, end)` is replaced by `inserted`; empty unless the edit is a
 * pure deletion of whole lines (from a line start through a line break, or from a line break to a line end).
 */
export function removedWholeLines(text: string, start: number, end: number, inserted: string): string[] {
  if (inserted !== '' || end <= start) return [];
  const removed = text.slice(start, end);
  const atLineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const atLineEnd = end === text.length || text[end] === '\n' || text[end] === '\r';
  let body: string | undefined;
  if (atLineStart && /(?:\r\n|\r|\n)$/u.test(removed)) body = removed.replace(/(?:\r\n|\r|\n)$/u, '');
  else if (atLineEnd && /^(?:\r\n|\r|\n)/u.test(removed)) body = removed.replace(/^(?:\r\n|\r|\n)/u, '');
  if (body === undefined) return [];
  return body.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== '');
}

/** True for a line worth a corpus-wide offer: short enough to be indexed, with letters, and not read as a pattern. */
export function isOfferableLine(line: string): boolean {
  const key = toLineKey(line);
  return isCountedKey(key) && /\p{L}/u.test(key) && !/^\/.+\/[a-z]*$/su.test(line.trim());
}

/** Edits deleting every line of `text` whose line key is `key`, merged so they apply at once. */
export function lineRemovalEdits(text: string, key: string): Edit[] {
  const doc = new ArticleText(text);
  const edits: Edit[] = [];
  for (let line = 0; line < doc.lineCount; line++) if (doc.lineKey(line) === key) edits.push(deleteLines(doc, line, line));
  return mergeEdits(edits);
}
