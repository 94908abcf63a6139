import type { RecurrenceIndex } from '../corpus/line-frequency';
import type { SiteChromeLookup } from '../corpus/site-chrome-lookup';
import type { Mention } from '../references/find';
import type { ResolvedMention } from '../references/resolve';
import type { ArticleText } from '../text/article-text';
import type { MessageId, MessageRef } from './messages';
import type { Finding, Locale, LocalizedText, Severity, Tier } from '../types';

/** What a rule may read while it checks one document. */
export interface RuleContext {
  readonly doc: ArticleText;
  readonly locale: Locale;
  /** Folded line keys a user chose to keep; rules never flag them. */
  readonly allowedLines: ReadonlySet<string>;
  /** Extra whole-line phrases from settings, already folded. */
  readonly extraPhrases: readonly string[];
  /** Compiled user patterns (`/…/` entries of extraPhrases), already checked for safety. */
  readonly extraPatterns: readonly RegExp[];
  /** Line frequencies over the corpus, when the workspace has been indexed. */
  readonly recurrence?: RecurrenceIndex;
  readonly recurrenceThreshold: RecurrenceThreshold;
  /** The corpus's site profiles, when known. */
  readonly siteChrome?: SiteChromeLookup;
  /** The document's path or URI, to leave it out of "also in" examples. */
  readonly path?: string;
  isCancelled(): boolean;
}

/** A rule's identity and defaults, shown in settings, docs, hovers and SARIF; the registry lists every one. */
export interface RuleInfo {
  readonly id: string;
  readonly description: LocalizedText;
  /** The highest tier the rule's findings take (the engine lowers any finding above it); `certain` puts them in fix-all. */
  readonly tier: Tier;
  readonly defaultSeverity: Severity;
  /** The messages its findings take, from the message table (`messages.ts`, English and Vietnamese). */
  readonly messages: readonly MessageId[];
}

/**
 * What a rule reports; the engine adds the severity in force (the user's, or the rule's default) and renders the
 * message, a reference into the registry's message table, for the user's locale.
 */
export type RuleFinding = Omit<Finding, 'severity' | 'message'> & { readonly message: MessageRef };

/** One check over a document's text. */
export interface Rule extends RuleInfo {
  check(ctx: RuleContext): RuleFinding[];
}

/** One check over a document's resolved references. */
export interface ReferenceRule extends RuleInfo {
  /**
   * The mentions whose resolution the check reads; it flags no other. An analysis that reports only findings
   * resolves no more than these.
   */
  reads(mention: Mention): boolean;
  check(references: readonly ResolvedMention[]): RuleFinding[];
}

/** The severity a tier gets unless the user chose another. */
export function severityForTier(tier: Tier): Exclude<Severity, 'off'> {
  if (tier === 'certain') return 'warning';
  if (tier === 'probable') return 'info';
  return 'hint';
}

/** When a line counts as recurring: in at least `minFiles` files and `minShare` of all files. */
export interface RecurrenceThreshold {
  readonly minFiles: number;
  readonly minShare: number;
}
