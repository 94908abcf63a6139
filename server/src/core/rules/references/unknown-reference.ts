/**
 * Flags a citation of a central document (a Party symbol "…/TW", a decree "…-CP", a law "…/QH…") that no catalog
 * holds, so a curator can add it with its source. Only a hint: unknown is not wrong.
 */
import { msg } from '../messages';
import type { ReferenceRule, RuleFinding } from '../rule';

/** Symbols of documents a catalog is expected to hold. */
const CENTRAL_SYMBOL = /\/T[WƯ]$|-CP$|\/QH\d+$/u;

/** Central documents cited but not in any catalog. */
export const unknownReferenceRule: ReferenceRule = {
  id: 'reference/unknown',
  description: { en: 'A cited central document that no catalog holds.', vi: 'Văn bản trung ương được trích dẫn nhưng chưa có trong danh mục.' },
  tier: 'weak',
  defaultSeverity: 'info',
  messages: ['unknown-reference'],
  reads(mention): boolean {
    return mention.type === 'document' && mention.symbol !== undefined && CENTRAL_SYMBOL.test(mention.symbol);
  },
  check(references): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const r of references) {
      const res = r.resolution;
      if (res.status !== 'unknown' || !this.reads(r.mention)) continue;
      const text = r.mention.text.normalize('NFC');
      // A stated issue date that no entry has is worth saying: the catalog may hold another document of that number.
      const reason = res.reason.code === 'other-issue-date' ? { reason: res.reason } : {};
      findings.push({
        ruleId: this.id,
        span: r.mention.span,
        message: msg('unknown-reference', { text, ...reason }),
        tier: 'weak',
        fixes: [],
      });
    }
    return findings;
  },
};
