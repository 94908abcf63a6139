/**
 * Flags the list of other articles' titles under a related-articles header ("Tin liên quan", "Cùng chuyên mục"),
 * up to the end of the file or the next article paragraph. Example: seed 004's thirty duplicated titles.
 * The block is certain when it runs to the end of the file (only debris follows) or lies after the article's
 * last paragraph and byline (`article-zone.ts`), probable otherwise.
 */
import { label, msg } from '../messages';
import type { Tier } from '../../types';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { findArticleZone } from './article-zone';
import { isBylineLine, isParagraph } from './line-shapes';
import { isRelatedHeader, isRelatedHeaderLine } from './related-header';
import { blockFinding } from './whole-line';

/** The block of titles under a related-articles header. */
export const relatedListRule: Rule = {
  id: 'boilerplate/related-list',
  description: { en: 'Titles of other articles listed under a related-articles header.', vi: 'Tiêu đề các bài khác được liệt kê dưới tiêu đề "Tin liên quan", "Cùng chuyên mục"…' },
  tier: 'certain',
  defaultSeverity: 'warning',
  messages: ['related-list'],
  check(ctx: RuleContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const { doc } = ctx;
    const zone = findArticleZone(doc);
    let line = 0;
    while (line < doc.lineCount) {
      if (!isRelatedHeaderLine(doc, line)) {
        line++;
        continue;
      }
      const block = findBlock(ctx, line + 1);
      if (block) {
        const afterArticle = zone !== undefined && zone.proseLines >= 2 && block.first > zone.last;
        findings.push(toFinding(ctx, block.first, block.last, block.reachesEnd || afterArticle ? 'certain' : 'probable', block.items));
        line = block.last + 1;
      } else line++;
    }
    return findings;
  },
};

interface Block {
  readonly first: number;
  readonly last: number;
  readonly items: number;
  readonly reachesEnd: boolean;
}

/** Title lines from `start` until a paragraph, a byline, another header, or the end. */
function findBlock(ctx: RuleContext, start: number): Block | undefined {
  const { doc } = ctx;
  let first = -1;
  let last = -1;
  let items = 0;
  let line = start;
  for (; line < doc.lineCount; line++) {
    if (doc.isBlank(line)) continue;
    const key = doc.lineKey(line);
    if (isRelatedHeader(key) || isParagraph(key) || isBylineLine(doc, line) || ctx.allowedLines.has(key)) break;
    if (first < 0) first = line;
    last = line;
    items++;
  }
  if (items === 0) return undefined;
  const rest = restIsDebris(ctx, line);
  return { first, last, items, reachesEnd: rest };
}

/** True when nothing but blank lines and related headers (with their own lists) follow. */
function restIsDebris(ctx: RuleContext, from: number): boolean {
  for (let line = from; line < ctx.doc.lineCount; line++) {
    if (ctx.doc.isBlank(line)) continue;
    const key = ctx.doc.lineKey(line);
    if (isParagraph(key) || isBylineLine(ctx.doc, line)) return false;
  }
  return true;
}

function toFinding(ctx: RuleContext, first: number, last: number, tier: Tier, items: number): RuleFinding {
  const message = msg('related-list', { items });
  return blockFinding(ctx, 'boilerplate/related-list', tier, { first, last }, message, label('remove-list', ctx.locale));
}
