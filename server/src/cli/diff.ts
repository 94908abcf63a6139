import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of two texts with three lines of context, headed `a/<name>` and `b/<name>` as `git diff` does.
 * Lines are compared with their endings, so in a CRLF file a removed line shows its `\r`; a missing final newline
 * is marked as `diff -u` marks it.
 */
export function unifiedDiff(name: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
  // The patch opens with a rule line of `=` before the headers.
  return patch.slice(patch.indexOf('\n') + 1);
}
