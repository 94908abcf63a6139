/**
 * Flags category and place tags standing alone (blank lines around) near the title:
 * "Xây dựng Đảng" above the title, "Sóc Trăng" between the title and the lead (seed 001).
 * Above the title a tag is any short line (at most four words, no digits or punctuation);
 * between the title and the first paragraph only a province name counts, since scrapers also split
 * sentences into short lines there.
 */
import { msg } from '../messages';
import { toProvinceName } from '../../text/provinces';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { isProse } from './article-zone';
import { isBylineLine, isParagraph, wordCount } from './line-shapes';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';

const HEADER_LINES = 12;

/** Category or place tags in the article's header. */
export const sectionTagRule: Rule = {
  id: 'boilerplate/section-tag',
  description: { en: 'A category or place tag standing alone next to the title.', vi: 'Nhãn chuyên mục hoặc địa danh đứng riêng cạnh tiêu đề.' },
  tier: 'certain',
  defaultSeverity: 'warning',
  messages: ['section-tag'],
  check(ctx: RuleContext): RuleFinding[] {
    const header = headerLines(ctx);
    const title = header.find((line) => wordCount(ctx.doc.lineKey(line)) >= 5);
    if (title === undefined) return [];
    const findings: RuleFinding[] = [];
    const message = msg('section-tag', {});
    forEachCandidateLine(ctx, (line, key) => {
      if (line === title || !header.includes(line) || !standsAlone(ctx, line)) return;
      const isPlace = toProvinceName(key) !== undefined;
      if (isPlace || (line < title && isTag(key) && !isBylineLine(ctx.doc, line))) findings.push(wholeLineFinding(ctx, this.id, 'certain', line, message));
    });
    return findings;
  },
};

/** Non-blank lines before the first paragraph, at most a dozen. */
function headerLines(ctx: RuleContext): number[] {
  const lines: number[] = [];
  for (let line = 0; line < ctx.doc.lineCount && lines.length < HEADER_LINES; line++) {
    if (ctx.doc.isBlank(line)) continue;
    // The first line of prose ends the header: a title is never a sentence of the body.
    if (isParagraph(ctx.doc.lineKey(line)) || isProse(ctx.doc.lineKey(line))) break;
    lines.push(line);
  }
  return lines;
}

function standsAlone(ctx: RuleContext, line: number): boolean {
  const blankOrEdge = (l: number): boolean => l < 0 || l >= ctx.doc.lineCount || ctx.doc.isBlank(l);
  return blankOrEdge(line - 1) && blankOrEdge(line + 1);
}

function isTag(key: string): boolean {
  return wordCount(key) <= 4 && key.length <= 40 && !/[\d.,:;!?()"“”/]/u.test(key);
}
