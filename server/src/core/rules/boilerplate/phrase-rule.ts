/**
 * Flags whole lines that are known site chrome, from the phrase table in `server/data/boilerplate.json`.
 * Each table entry becomes its own rule, so users can set its severity; e.g. "Lượt xem: 270" → boilerplate/view-counter.
 */
import { msg } from '../messages';
import { toLineKey } from '../../text/article-text';
import { severityForTier, type Rule, type RuleContext, type RuleFinding } from '../rule';
import type { PhraseEntry } from './phrase-table';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';

/** Builds one rule from a phrase-table entry. */
export function toPhraseRule(entry: PhraseEntry): Rule {
  const phrases = new Set(entry.phrases.map(toLineKey));
  return {
    id: entry.id,
    description: entry.description,
    tier: entry.tier,
    defaultSeverity: severityForTier(entry.tier),
    messages: ['phrase-table'],
    check(ctx: RuleContext): RuleFinding[] {
      const findings: RuleFinding[] = [];
      const message = msg('phrase-table', { text: entry.message });
      forEachCandidateLine(ctx, (line, key) => {
        if (phrases.has(key) || entry.patterns.some((p) => p.test(key))) {
          findings.push(wholeLineFinding(ctx, entry.id, entry.tier, line, message));
        }
      });
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
