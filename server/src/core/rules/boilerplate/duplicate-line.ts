/**
 * Flags later verbatim copies of a line in the same file; the first copy is kept.
 * Scrapers repeat sapos, captions and widget lines. A repeated paragraph may still be the writer's,
 * so this is probable: each copy has its own fix, and fix-all leaves it alone.
 */
import { localize } from '../../i18n/localize';
import type { Finding } from '../../types';
import type { Rule, RuleContext } from '../rule';
import { isBylineLike } from './line-shapes';
import { wholeLineFinding } from './whole-line';

const MAX_COMPARED = 2000;

/** Later copies of a line that already appeared in the file. */
export const duplicateLineRule: Rule = {
  id: 'boilerplate/duplicate-line',
  description: { en: 'A later verbatim copy of a line that already appeared in the file.', vi: 'Bản lặp nguyên văn của một dòng đã xuất hiện trước đó trong tệp.' },
  tier: 'probable',
  defaultSeverity: 'info',
  check(ctx: RuleContext): Finding[] {
    const firstSeen = new Map<string, number>();
    const findings: Finding[] = [];
    for (let line = 0; line < ctx.doc.lineCount; line++) {
      if ((line & 4095) === 4095 && ctx.isCancelled()) break;
      const info = ctx.doc.line(line);
      // Very long lines are paragraphs of their own; comparing them costs more than the rare repeat is worth.
      if (info.end - info.start > MAX_COMPARED) continue;
      // Verbatim means the raw text, spaces at the ends aside; the folded key is only needed once a repeat is found.
      const raw = ctx.doc.lineText(line).trim();
      if (raw.indexOf(' ') < 0) continue;
      const first = firstSeen.get(raw);
      if (first === undefined) {
        firstSeen.set(raw, line);
        continue;
      }
      if (ctx.allowedLines.has(ctx.doc.lineKey(line)) || isBylineLike(raw)) continue;
      const message = localize({ en: `Repeats line ${first + 1}`, vi: `Lặp lại dòng ${first + 1}` }, ctx.locale);
      findings.push(wholeLineFinding(ctx, this.id, 'probable', line, message));
    }
    return findings;
  },
};
