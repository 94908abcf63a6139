/**
 * Flags lines that the document's site repeats across its pages, learned from the corpus's site profiles
 * ("Chrome of site dantri (seen in 6 of its 6 pages)"), e.g. a menu item, a footer or a widget title no phrase
 * table knows. A short, non-sentence line in most of the site's pages is certain; one in fewer pages, or one
 * that reads like prose, holds no letter or reads like a byline or source line ("Theo TTXVN"), is probable.
 */
import { msg } from '../messages';
import { hashKey, isCountedKey, isCountedLength } from '../../corpus/line-frequency';
import type { ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';
import type { Tier } from '../../types';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { isBylineLine, isSentenceLike } from './line-shapes';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';

/** Lines the document's site repeats across its pages. */
export const siteChromeRule: Rule = {
  id: 'boilerplate/site-chrome',
  description: { en: "A line the page's site repeats across its pages (learned from 3 pages or more).", vi: 'Dòng mà trang web lặp lại trên các trang của nó (học từ 3 trang trở lên).' },
  tier: 'certain',
  defaultSeverity: 'warning',
  messages: ['site-chrome'],
  check(ctx: RuleContext): RuleFinding[] {
    const site = ctx.siteChrome?.siteOf(ctx.path, () => documentLineHashes(ctx.doc));
    if (!site) return [];
    const findings: RuleFinding[] = [];
    forEachCandidateLine(ctx, (line, key) => {
      const pages = site.pagesWith(key);
      if (pages === 0) return;
      // A byline or source line repeated across a site is more likely its name or a "follow us" line than an
      // author, but it could be the agency a site syndicates from: never certain.
      const certain = pages * 2 > site.pageCount && !isSentenceLike(key) && /\p{L}/u.test(key) && !isBylineLine(ctx.doc, line);
      const tier: Tier = certain ? 'certain' : 'probable';
      const message = msg('site-chrome', { site: site.name, pages, pageCount: site.pageCount });
      findings.push(wholeLineFinding(ctx, this.id, tier, line, message));
    });
    return findings;
  },
};

const hashOfKey = new LineMemo(hashKey);

/**
 * The distinct hashes of the document's countable lines, the set `lineHashes` gives for its text, read from the
 * lines' keys the document already holds: an edit does not scan and hash the whole text again.
 */
export function documentLineHashes(doc: ArticleText): Uint32Array {
  const seen = new Set<number>();
  for (let line = 0; line < doc.lineCount; line++) {
    const info = doc.line(line);
    if (!isCountedLength(info.end - info.start)) continue;
    const key = doc.lineKey(line);
    if (isCountedKey(key)) seen.add(hashOfKey.get(key));
  }
  return Uint32Array.from(seen);
}
