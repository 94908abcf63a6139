/**
 * Flags whole lines that are known site chrome, from the phrase table in `server/data/boilerplate.json`.
 * Each table entry becomes its own rule, so users can set its severity; e.g. "Lượt xem: 270" → boilerplate/view-counter.
 */
import { msg } from '../messages';
import { toLineKey } from '../../text/article-text';
import { LineMemo } from '../../text/memo';
import { severityForTier, type Rule, type RuleContext, type RuleFinding } from '../rule';
import type { PhraseEntry } from './phrase-table';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';

interface Matcher {
  readonly phrases: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
}

/** Every phrase rule built so far, in order: a line key is matched against all of them at once. */
const matchers: Matcher[] = [];
const NONE: readonly number[] = [];
const matchesOf = (key: string): readonly number[] => {
  const found = matchers.flatMap((m, i) => (m.phrases.has(key) || m.patterns.some((p) => p.test(key)) ? [i] : []));
  return found.length === 0 ? NONE : found;
};
/** The phrase rules (by their place in `matchers`) a line key matches; renewed whenever a rule is added. */
let matchesByKey = new LineMemo(matchesOf);

/** Per analysis, the candidate lines each phrase rule matches, found in one pass over the candidates for all rules. */
const linesByContext = new WeakMap<RuleContext, readonly (readonly number[])[]>();

function matchedLines(ctx: RuleContext, matcher: number): readonly number[] {
  let byMatcher = linesByContext.get(ctx);
  if (!byMatcher) {
    const lines: number[][] = matchers.map(() => []);
    forEachCandidateLine(ctx, (line) => {
      for (const m of ctx.doc.keyValue(matchesByKey, line)) lines[m]?.push(line);
    });
    byMatcher = lines;
    linesByContext.set(ctx, byMatcher);
  }
  return byMatcher[matcher] ?? NONE;
}

/** Builds one rule from a phrase-table entry. */
export function toPhraseRule(entry: PhraseEntry): Rule {
  const matcher = matchers.push({ phrases: new Set(entry.phrases.map(toLineKey)), patterns: entry.patterns }) - 1;
  matchesByKey = new LineMemo(matchesOf);
  return {
    id: entry.id,
    description: entry.description,
    tier: entry.tier,
    defaultSeverity: severityForTier(entry.tier),
    messages: ['phrase-table'],
    check(ctx: RuleContext): RuleFinding[] {
      const findings: RuleFinding[] = [];
      const message = msg('phrase-table', { text: entry.message });
      for (const line of matchedLines(ctx, matcher)) findings.push(wholeLineFinding(ctx, entry.id, entry.tier, line, message));
      return findings;
    },
  };
}

/** The rule for phrases a user listed in `vnCorpus.boilerplate.extraPhrases`. */
export const userPhraseRule: Rule = {
  id: 'boilerplate/user-phrase',
  description: { en: 'A line matching one of your extra boilerplate phrases.', vi: 'Dòng khớp một cụm từ rác bạn đã thêm.' },
  tier: 'certain',
  defaultSeverity: 'warning',
  messages: ['user-phrase'],
  check(ctx: RuleContext): RuleFinding[] {
    if (ctx.extraPhrases.length === 0 && ctx.extraPatterns.length === 0) return [];
    const phrases = new Set(ctx.extraPhrases);
    const findings: RuleFinding[] = [];
    const message = msg('user-phrase', {});
    forEachCandidateLine(ctx, (line, key) => {
      if (phrases.has(key) || ctx.extraPatterns.some((p) => p.test(key))) findings.push(wholeLineFinding(ctx, this.id, 'certain', line, message));
    });
    return findings;
  },
};
