/**
 * The matches of a regex that start where the character before is not of a class: what a leading negative
 * lookbehind (`(?<![\p{L}\p{M}])…`) gives, several times faster, since the engine tries a leading lookbehind at
 * every position of the text instead of only where the rest of the pattern matches. A global regex is searched
 * with its own `lastIndex` (from 0, so one search at a time per regex); another is copied first.
 */
export function* matchesNotAfter(text: string, re: RegExp, before: RegExp): Generator<RegExpExecArray> {
  const search = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  search.lastIndex = 0;
  for (let m = search.exec(text); m; m = search.exec(text)) {
    const at = m.index;
    if (isAfter(text, at, before)) {
      // Rejected here: look again from the next code point, as the lookbehind's search would.
      search.lastIndex = nextCodePoint(text, at);
      continue;
    }
    if (m[0] === '') search.lastIndex = at + 1;
    yield m;
  }
}

/** Whether the character before `at` is of the class `before` tests at the end of a string (`/[…]$/u`). */
export function isAfter(text: string, at: number, before: RegExp): boolean {
  return at > 0 && before.test(text.slice(Math.max(0, at - 2), at));
}

/** Where a search goes on after a match at `at` was rejected: the next code point. */
export function nextCodePoint(text: string, at: number): number {
  return at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
}

/** The last character of a string is a letter or a combining mark: a match after it would start inside a word. */
export const LETTER_OR_MARK_BEFORE = /[\p{L}\p{M}]$/u;

/** The last character of a string is a letter, a combining mark or a digit. */
export const WORD_CHARACTER_BEFORE = /[\p{L}\p{M}\p{N}]$/u;
