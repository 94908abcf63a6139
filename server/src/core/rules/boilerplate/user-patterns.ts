import { toLineKey } from '../../text/article-text';

/** A user phrase that could not be used, and why. */
export interface PatternProblem {
  readonly phrase: string;
  readonly message: string;
}

const MAX_PATTERN = 200;
// A quantified group that itself contains a quantifier, e.g. (a+)+ or (\w*)*: the classic catastrophic backtracking shape.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*?}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\d*\})/u;
// An alternation inside a quantified group with overlapping branches is the other shape; refuse any quantified alternation.
const QUANTIFIED_ALTERNATION = /\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\d*\})/u;

/**
 * Splits `extraPhrases` into literal line keys and regular expressions (`/…/` or `/…/i`).
 * Patterns are refused when too long, invalid, or of a shape that can backtrack catastrophically;
 * they only ever run on short lines, which bounds the rest.
 */
export function compileUserPhrases(phrases: readonly string[]): { literals: string[]; patterns: RegExp[]; problems: PatternProblem[] } {
  const literals: string[] = [];
  const patterns: RegExp[] = [];
  const problems: PatternProblem[] = [];
  for (const phrase of phrases) {
    const m = /^\/(.+)\/([a-z]*)$/su.exec(phrase);
    if (!m) {
      const key = toLineKey(phrase);
      if (key !== '') literals.push(key);
      continue;
    }
    const source = m[1] ?? '';
    const problem = unsafeReason(source, m[2] ?? '');
    if (problem) {
      problems.push({ phrase, message: problem });
      continue;
    }
    patterns.push(new RegExp(`^(?:${source.normalize('NFC')})$`, 'iu'));
  }
  return { literals, patterns, problems };
}

function unsafeReason(source: string, flags: string): string | undefined {
  if (source.length > MAX_PATTERN) return `pattern longer than ${MAX_PATTERN} characters`;
  if (/[^imsu]/u.test(flags)) return `unsupported flags "${flags}" (only i, m, s, u)`;
  if (/\\[1-9]|\\k</u.test(source)) return 'back-references are not allowed';
  if (NESTED_QUANTIFIER.test(source) || QUANTIFIED_ALTERNATION.test(source)) return 'nested or alternated repetition can take exponential time; simplify the pattern';
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}
