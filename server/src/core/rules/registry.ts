import { blankLineRule } from './boilerplate/blank-line';
import { duplicateLineRule } from './boilerplate/duplicate-line';
import { menuBlockRule } from './boilerplate/menu-block';
import { outsideArticleRule } from './boilerplate/outside-article';
import { photoCreditRule } from './boilerplate/photo-credit';
import { recurringLineRule } from './boilerplate/recurring-line';
import { relatedListRule } from './boilerplate/related-list';
import { sectionTagRule } from './boilerplate/section-tag';
import { siteChromeRule } from './boilerplate/site-chrome';
import { encodingRule } from './text/encoding';
import { BUILT_IN_TABLE } from './boilerplate/built-in-table';
import { toPhraseRule, userPhraseRule } from './boilerplate/phrase-rule';
import { unknownReferenceRule } from './references/unknown-reference';
import type { ReferenceRule, Rule, RuleInfo } from './rule';

const table = BUILT_IN_TABLE;

/** Problems in the built-in phrase table (a test keeps this empty). */
export const builtInTableProblems = table.problems;

/** Every rule, listed explicitly: code rules alphabetically, then the phrase table in its order. */
export const RULES: readonly Rule[] = [
  blankLineRule,
  duplicateLineRule,
  menuBlockRule,
  outsideArticleRule,
  photoCreditRule,
  recurringLineRule,
  relatedListRule,
  sectionTagRule,
  siteChromeRule,
  userPhraseRule,
  encodingRule,
  ...table.entries.map(toPhraseRule),
];

/** Rules over resolved references, run after resolution. */
export const REFERENCE_RULES: readonly ReferenceRule[] = [unknownReferenceRule];

/** Every rule's id, description, tier, default severity and message ids, by id: the one source for settings, docs and SARIF. */
export const RULE_INFO: ReadonlyMap<string, RuleInfo> = new Map([...RULES, ...REFERENCE_RULES].map((r): [string, RuleInfo] => [r.id, r]));

/** The phrase-table entries, for tests that run their examples. */
export const PHRASE_ENTRIES = table.entries;

/** The message table every rule's findings render through, in English and Vietnamese. */
export { MESSAGES, renderMessage } from './messages';
