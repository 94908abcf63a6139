/**
 * Flags the photo credit inside a caption, "(Ảnh: Trung Hiếu/TTXVN)": the caption is article content,
 * the credit is metadata a curator may drop. The range covers only the credit; fixes drop the credit or the whole caption.
 */
import { localize } from '../../i18n/localize';
import { deleteLines } from '../../text/line-edits';
import type { Finding } from '../../types';
import type { Rule, RuleContext } from '../rule';

const CREDIT = /\s*(?:\((?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh|photo)(?:\s*:\s*[^()\n]{1,80})?\)|(?<=[.!?…]\s?)(?:ảnh|nguồn ảnh)\s*:\s*[^.()\n]{1,60}$)/gu;

/** Photo credits at the end of or inside caption lines. */
export const photoCreditRule: Rule = {
  id: 'boilerplate/photo-credit',
  description: { en: 'A photo credit inside a caption, such as "(Ảnh: Trung Hiếu/TTXVN)".', vi: 'Ghi chú nguồn ảnh trong chú thích, ví dụ "(Ảnh: Trung Hiếu/TTXVN)".' },
  tier: 'probable',
  defaultSeverity: 'info',
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const { doc } = ctx;
    const folded = doc.normalized.text;
    const message = localize({ en: 'Photo credit', vi: 'Nguồn ảnh' }, ctx.locale);
    const dropCredit = localize({ en: 'Remove the photo credit', vi: 'Xóa nguồn ảnh' }, ctx.locale);
    const dropCaption = localize({ en: 'Remove the whole caption', vi: 'Xóa cả dòng chú thích' }, ctx.locale);
    for (let line = 0; line < doc.lineCount; line++) {
      const info = doc.line(line);
      if (info.end - info.start > 600 || doc.isBlank(line)) continue;
      const start = doc.normalized.fromOriginal(info.start);
      const text = folded.slice(start, doc.normalized.fromOriginal(info.end));
      for (const m of text.matchAll(CREDIT)) {
        const lead = m[0].length - m[0].trimStart().length;
        const credit = doc.normalized.toOriginal({ start: start + (m.index ?? 0) + lead, end: start + (m.index ?? 0) + m[0].length });
        const withSpace = doc.normalized.toOriginal({ start: start + (m.index ?? 0), end: start + (m.index ?? 0) + m[0].length });
        const wholeLine = withSpace.start === info.start && withSpace.end === info.end;
        findings.push({
          ruleId: this.id, span: credit, message, severity: 'info', tier: 'probable',
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
