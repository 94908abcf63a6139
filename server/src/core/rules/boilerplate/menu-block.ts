/**
 * Flags a navigation menu: a run of many short lines ("Thời sự", "Góc nhìn", "Thế giới", "Kinh doanh"…),
 * as a naive page-to-text conversion leaves at the top of a saved page. A run before the article's first
 * paragraph, or outside the article (`article-zone.ts`: before its headline or after its byline), is certain;
 * a run inside the article is probable, since an article may hold a short list of its own.
 */
import { label, msg } from '../messages';
import type { Tier } from '../../types';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { findArticleZone } from './article-zone';
import { isParagraph, wordCount } from './line-shapes';
import { blockFinding } from './whole-line';

const MIN_ITEMS = 8;

/** Runs of at least eight menu-like lines. */
export const menuBlockRule: Rule = {
  id: 'boilerplate/menu-block',
  description: { en: 'A navigation menu: a run of many short link-like lines.', vi: 'Trình đơn điều hướng: một loạt dòng ngắn giống liên kết.' },
  tier: 'certain',
  defaultSeverity: 'warning',
  messages: ['menu-block'],
  check(ctx: RuleContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const firstParagraph = findFirstParagraph(ctx);
    // The article's own lines (from its headline on) never join a menu, however short its title.
    const zone = findArticleZone(ctx.doc);
    let runStart = -1;
    let runEnd = -1;
    let items = 0;
    const flush = (): void => {
      const outside = zone !== undefined && (runEnd < zone.first || runStart > zone.last);
      if (items >= MIN_ITEMS) findings.push(toFinding(ctx, runStart, runEnd, items, runEnd < firstParagraph || outside ? 'certain' : 'probable'));
      runStart = -1;
      items = 0;
    };
    for (let line = 0; line < ctx.doc.lineCount; line++) {
      if (ctx.doc.isBlank(line)) continue;
      const key = ctx.doc.lineKey(line);
      if (zone && line === zone.first) flush();
      const inArticle = zone !== undefined && line >= zone.first && line <= zone.last;
      if (!inArticle && isMenuItem(key) && !ctx.allowedLines.has(key)) {
        if (runStart < 0) runStart = line;
        runEnd = line;
        items++;
      } else flush();
    }
    flush();
    return findings;
  },
};

/** A menu entry: a few words ("Hồ sơ - Phân tích", "Căng thẳng Nga - Ukraine"), no sentence punctuation. */
function isMenuItem(key: string): boolean {
  return key.length <= 40 && wordCount(key.replace(/\s[-–&|/]\s/gu, ' ')) <= 5 && /\p{L}{2}/u.test(key) && !/[.!?…:;,"“”(]/u.test(key);
}

function findFirstParagraph(ctx: RuleContext): number {
  for (let line = 0; line < ctx.doc.lineCount; line++) if (isParagraph(ctx.doc.lineKey(line))) return line;
  return ctx.doc.lineCount;
}

function toFinding(ctx: RuleContext, first: number, last: number, items: number, tier: Tier): RuleFinding {
  const message = msg('menu-block', { items });
  return blockFinding(ctx, 'boilerplate/menu-block', tier, { first, last }, message, label('remove-menu', ctx.locale));
}
