/**
 * Flags lines that look empty but hold spaces, NBSP or zero-width characters, e.g. "\u00a0 ".
 * They survive naive blank-line filters and break paragraph splitting downstream.
 */
import { label, msg } from '../messages';
import type { Rule, RuleContext, RuleFinding } from '../rule';

/** Whitespace-only lines (a hint, fixable by emptying them). */
export const blankLineRule: Rule = {
  id: 'boilerplate/whitespace-line',
  description: { en: 'A line holding only spaces, NBSP or zero-width characters.', vi: 'Dòng chỉ có khoảng trắng, NBSP hoặc ký tự độ rộng 0.' },
  tier: 'weak',
  defaultSeverity: 'hint',
  messages: ['blank-line'],
  check(ctx: RuleContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const message = msg('blank-line', {});
    const title = label('empty-line', ctx.locale);
    for (let line = 0; line < ctx.doc.lineCount; line++) {
      if ((line & 4095) === 4095 && ctx.isCancelled()) break;
      const info = ctx.doc.line(line);
      if (info.end === info.start || !ctx.doc.isBlank(line)) continue;
      const span = { start: info.start, end: info.end };
      findings.push({
        ruleId: this.id, span, message, tier: 'weak',
        fixes: [{ title, edits: [{ span, newText: '' }], preferred: true }],
      });
    }
    return findings;
  },
};
