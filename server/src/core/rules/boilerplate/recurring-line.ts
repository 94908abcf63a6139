/**
 * Flags short lines that recur across many files of the corpus ("appears in 57 files"), e.g. a site's menu
 * or slogan that no phrase table knows. Syndicated articles share whole paragraphs, so a sentence-like line
 * is only a weak hint, and recurrence alone never puts a line into fix-all: this rule is probable at most.
 */
import { label, msg, type MessageRef } from '../messages';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { isBylineLine, isSentenceLike } from './line-shapes';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';
import { MAX_RECURRING_LINE } from '../../corpus/line-frequency';
import { ContextMemo } from '../../text/memo';
import type { RelatedPlace, Tier } from '../../types';

/** What the corpus says of a line key that recurs enough to be reported. */
interface Recurrence {
  readonly tier: Tier;
  readonly message: MessageRef;
  readonly related: readonly RelatedPlace[];
}

/** Each line key's recurrence under the index revision and settings in force. */
const RECURRENCES = new ContextMemo<Recurrence | null>(50_000);

/** Short lines found in many corpus files. */
export const recurringLineRule: Rule = {
  id: 'boilerplate/recurring-line',
  description: { en: 'A short line that recurs in many files of the corpus.', vi: 'Dòng ngắn lặp lại trong nhiều tệp của kho dữ liệu.' },
  tier: 'probable',
  defaultSeverity: 'info',
  messages: ['recurring-line'],
  check(ctx: RuleContext): RuleFinding[] {
    const index = ctx.recurrence;
    if (!index || index.fileCount === 0) return [];
    const threshold = Math.max(ctx.recurrenceThreshold.minFiles, Math.ceil(index.fileCount * ctx.recurrenceThreshold.minShare));
    // What a key gets depends on the index and on the document's path (left out of the samples) too.
    const stamp = `${index.revision}\u0001${threshold}\u0001${ctx.locale}\u0001${ctx.path ?? ''}`;
    const verdictOf = (key: string): Recurrence | null => {
      // The count first: most lines recur too little, and it costs less than the shape tests.
      const files = index.filesWith(key);
      if (files < threshold || !/\p{L}{3}/u.test(key)) return null;
      const related = index.sampleFiles(key, ctx.path, 3).map((path) => ({ path, line: -1, message: label('also-here', ctx.locale) }));
      return { tier: isSentenceLike(key) ? 'weak' : 'probable', message: msg('recurring-line', { files }), related };
    };
    const findings: RuleFinding[] = [];
    forEachCandidateLine(ctx, (line, key) => {
      if (key.length > MAX_RECURRING_LINE) return;
      const recurrence = ctx.doc.contextValue(RECURRENCES, line, index, stamp, verdictOf);
      if (!recurrence || isBylineLine(ctx.doc, line)) return;
      findings.push(wholeLineFinding(ctx, this.id, recurrence.tier, line, recurrence.message, recurrence.related));
    });
    return findings;
  },
};
