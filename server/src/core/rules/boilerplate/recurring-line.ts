/**
 * Flags short lines that recur across many files of the corpus ("appears in 57 files"), e.g. a site's menu
 * or slogan that no phrase table knows. Syndicated articles share whole paragraphs, so a sentence-like line
 * is only a weak hint, and recurrence alone never puts a line into fix-all: this rule is probable at most.
 */
import { label, msg } from '../messages';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { isBylineLine, isSentenceLike } from './line-shapes';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';
import { MAX_RECURRING_LINE } from '../../corpus/line-frequency';

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
    const findings: RuleFinding[] = [];
    forEachCandidateLine(ctx, (line, key) => {
      if (key.length > MAX_RECURRING_LINE) return;
      // The count first: most lines recur too little, and it costs less than the shape tests.
      const files = index.filesWith(key);
      if (files < threshold || !/\p{L}{3}/u.test(key) || isBylineLine(ctx.doc, line)) return;
      const tier = isSentenceLike(key) ? 'weak' : 'probable';
      const message = msg('recurring-line', { files });
      const related = index.sampleFiles(key, ctx.path, 3).map((path) => ({ path, line: -1, message: label('also-here', ctx.locale) }));
      findings.push({ ...wholeLineFinding(ctx, this.id, tier, line, message), related });
    });
    return findings;
  },
};
