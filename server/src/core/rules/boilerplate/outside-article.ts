/**
 * Flags the page around the article: lines above its headline (menus, breadcrumbs, the site's date bar) and
 * lines after its last paragraph and byline (related titles and their teasers, widgets, footers), found by
 * where the article is (`article-zone.ts`), not by their wording. Example: dantri's 130 category links above
 * the headline, vnexpress's "Xem nhiều" list and hotline footer below the byline.
 * A dateline or byline right next to the headline is kept. Position alone is not proof, so the rule is probable:
 * each block has its own fix and fix-all leaves it to the shape rules.
 */
import { label, msg } from '../messages';
import type { ArticleText } from '../../text/article-text';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { findArticleZone, type ArticleZone } from './article-zone';
import { isKnownChrome } from './known-chrome';
import { isBylineLine, isDateLike } from './line-shapes';
import { blockFinding } from './whole-line';

/** Prose lines a page needs before the rest of it counts as lying outside an article. */
const MIN_PROSE = 2;
/** Non-blank lines above the headline where a dateline or byline is still the article's. */
const HEAD_METADATA = 2;
/** Lines above the headline (datelines and bylines aside), or below the article, needed before they are judged by position. */
const MIN_LINES_OUTSIDE = 2;

/** Lines before the article's headline and after its last paragraph. */
export const outsideArticleRule: Rule = {
  id: 'boilerplate/outside-article',
  description: { en: 'A line of the page around the article: before its headline or after its last paragraph.', vi: 'Dòng thuộc phần trang bao quanh bài: trước tiêu đề hoặc sau đoạn cuối của bài.' },
  tier: 'probable',
  defaultSeverity: 'info',
  messages: ['outside-article'],
  check(ctx: RuleContext): RuleFinding[] {
    const zone = findArticleZone(ctx.doc);
    if (!zone) return [];
    const outside = findOutsideLines(ctx.doc, zone, ctx.allowedLines);
    return toBlocks(ctx.doc, outside).map((b) => toFinding(ctx, b.first, b.last, b.first > zone.last));
  },
};

/** The lines this rule flags around `zone`, leaving out blank lines and lines the user keeps. */
export function findOutsideLines(doc: ArticleText, zone: ArticleZone, allowedLines: ReadonlySet<string>): number[] {
  if (zone.proseLines < MIN_PROSE) return [];
  const lines: number[] = [];
  const keptAbove = headMetadata(doc, zone.first);
  // A single line above or below the article (its title, a tag, a sapo the scraper moved to the end) is
  // too little to judge by position.
  const from = countNonBlank(doc, 0, zone.first) - keptAbove.size < MIN_LINES_OUTSIDE ? zone.last + 1 : 0;
  const to = countNonBlank(doc, zone.last + 1, doc.lineCount) < MIN_LINES_OUTSIDE ? zone.first : doc.lineCount;
  for (let line = from; line < to; line++) {
    if (line === zone.first) line = zone.last + 1;
    if (line >= to) break;
    if (doc.isBlank(line) || keptAbove.has(line)) continue;
    const key = doc.lineKey(line);
    // Lines the phrase table knows have their own certain finding; a block may span them but not start or end on them.
    if (key === '' || allowedLines.has(key) || isKnownChrome(key)) continue;
    lines.push(line);
  }
  return lines;
}

function countNonBlank(doc: ArticleText, from: number, to: number): number {
  let count = 0;
  for (let line = from; line < to; line++) if (!doc.isBlank(line)) count++;
  return count;
}

/** Datelines and bylines among the few lines right above the headline. */
function headMetadata(doc: ArticleText, first: number): Set<number> {
  const kept = new Set<number>();
  let seen = 0;
  for (let line = first - 1; line >= 0 && seen < HEAD_METADATA; line--) {
    if (doc.isBlank(line)) continue;
    seen++;
    if (isDateLike(doc.lineKey(line)) || isBylineLine(doc, line)) kept.add(line);
    else break;
  }
  return kept;
}

/** Consecutive lines as blocks; blank lines and known chrome lines between two of them do not split a block. */
function toBlocks(doc: ArticleText, lines: readonly number[]): { first: number; last: number }[] {
  const blocks: { first: number; last: number }[] = [];
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (last && onlyBlankBetween(doc, last.last, line)) last.last = line;
    else blocks.push({ first: line, last: line });
  }
  return blocks;
}

function onlyBlankBetween(doc: ArticleText, from: number, to: number): boolean {
  for (let line = from + 1; line < to; line++) if (!doc.isBlank(line) && !isKnownChrome(doc.lineKey(line))) return false;
  return true;
}

function toFinding(ctx: RuleContext, first: number, last: number, after: boolean): RuleFinding {
  const count = last - first + 1;
  const message = msg('outside-article', { where: after ? 'after' : 'before', lines: count });
  return blockFinding(ctx, 'boilerplate/outside-article', 'probable', { first, last }, message, label('remove-lines', ctx.locale));
}
