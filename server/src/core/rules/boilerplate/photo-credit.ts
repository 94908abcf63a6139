/**
 * Flags the photo credit inside a caption, "(Ảnh: Trung Hiếu/TTXVN)": the caption is article content,
 * the credit is metadata a curator may drop. The range covers only the credit; fixes drop the credit or the whole caption.
 */
import { label, msg } from '../messages';
import { deleteLines } from '../../text/line-edits';
import { LineMemo } from '../../text/memo';
import { foldLine, NormalizedText } from '../../text/normalized-text';
import { shiftSpan, type Span } from '../../types';
import type { Rule, RuleContext, RuleFinding } from '../rule';

const CREDIT = /\s*(?:\((?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh|photo)(?:\s*:\s*[^()\n]{1,80})?\)|(?<=[.!?…]\s?)(?:ảnh|nguồn ảnh)\s*:\s*[^.()\n]{1,60}$)/gu;

/** What every match of `CREDIT` holds: a bracket opening on the word, or "ảnh" before a colon. */
const CREDIT_WORDS = /\((?:ảnh|nguồn ảnh|photo)|ảnh\s*:/u;

/** Credit spans of one line, relative to it: the credit alone, and with its leading space. */
function findCredits(line: string): { credit: Span; withSpace: Span }[] {
  if (line.length > 600 || !CREDIT_WORDS.test(foldLine(line))) return [];
  const normalized = new NormalizedText(line, { line: true });
  return [...normalized.text.matchAll(CREDIT)].map((m) => {
    const start = m.index ?? 0;
    const lead = m[0].length - m[0].trimStart().length;
    return {
      credit: normalized.toOriginal({ start: start + lead, end: start + m[0].length }),
      withSpace: normalized.toOriginal({ start, end: start + m[0].length }),
    };
  });
}

const creditsByLine = new LineMemo(findCredits);

/** Photo credits at the end of or inside caption lines. */
export const photoCreditRule: Rule = {
  id: 'boilerplate/photo-credit',
  description: { en: 'A photo credit inside a caption, such as "(Ảnh: Trung Hiếu/TTXVN)".', vi: 'Ghi chú nguồn ảnh trong chú thích, ví dụ "(Ảnh: Trung Hiếu/TTXVN)".' },
  tier: 'probable',
  defaultSeverity: 'info',
  messages: ['photo-credit'],
  check(ctx: RuleContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const { doc } = ctx;
    const message = msg('photo-credit', {});
    const dropCredit = label('remove-credit', ctx.locale);
    const dropCaption = label('remove-caption', ctx.locale);
    for (let line = 0; line < doc.lineCount; line++) {
      const credits = doc.lineValue(creditsByLine, line);
      if (credits.length === 0) continue;
      const info = doc.line(line);
      for (const found of credits) {
        const credit = shiftSpan(found.credit, info.start);
        const withSpace = shiftSpan(found.withSpace, info.start);
        const wholeLine = withSpace.start === info.start && withSpace.end === info.end;
        findings.push({
          ruleId: this.id, span: credit, message, tier: 'probable',
          fixes: [
            { title: wholeLine ? dropCaption : dropCredit, edits: [wholeLine ? deleteLines(doc, line, line) : { span: withSpace, newText: '' }], preferred: true },
            ...(wholeLine ? [] : [{ title: dropCaption, edits: [deleteLines(doc, line, line)] }]),
          ],
        });
      }
    }
    return findings;
  },
};
