/**
 * Flags lines that the document's site repeats across its pages, learned from the corpus's site profiles
 * ("Chrome of site dantri (seen in 6 of its 6 pages)"), e.g. a menu item, a footer or a widget title no phrase
 * table knows. A short, non-sentence line in most of the site's pages is certain; one in fewer pages, or one
 * that reads like prose or holds no letter, is probable. Bylines and source lines are article metadata and
 * are never flagged.
 */
import { localize } from '../../i18n/localize';
import { lineHashes } from '../../corpus/line-frequency';
import type { Finding, Tier } from '../../types';
import type { Rule, RuleContext } from '../rule';
import { isBylineLike, isSentenceLike } from './line-shapes';
import { forEachCandidateLine, wholeLineFinding } from './whole-line';

/** Lines the document's site repeats across its pages. */
export const siteChromeRule: Rule = {
  id: 'boilerplate/site-chrome',
  description: { en: "A line the page's site repeats across its pages (learned from 3 pages or more).", vi: 'Dòng mà trang web lặp lại trên các trang của nó (học từ 3 trang trở lên).' },
  tier: 'certain',
  defaultSeverity: 'warning',
  check(ctx: RuleContext): Finding[] {
    const site = ctx.siteChrome?.siteOf(ctx.path, () => lineHashes(ctx.doc.text));
    if (!site) return [];
    const findings: Finding[] = [];
    forEachCandidateLine(ctx, (line, key) => {
      const pages = site.pagesWith(key);
      if (pages === 0 || isBylineLike(ctx.doc.lineText(line))) return;
      const tier: Tier = pages * 2 > site.pageCount && !isSentenceLike(key) && /\p{L}/u.test(key) ? 'certain' : 'probable';
      const message = localize({
        en: `Chrome of site ${site.name} (seen in ${pages} of its ${site.pageCount} pages)`,
        vi: `Khung trang của ${site.name} (có trong ${pages} trên ${site.pageCount} trang của nó)`,
      }, ctx.locale);
      findings.push(wholeLineFinding(ctx, this.id, tier, line, message));
    });
    return findings;
  },
};
