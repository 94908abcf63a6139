import type { EntryKind } from './catalog';
import { parseSymbol, type SymbolInfo } from './symbol';

/** Who issued a document, as far as the words after a short form tell. */
export type IssuerLevel = 'party-central' | 'party-province' | 'government' | 'prime-minister' | 'national-assembly' | 'assembly-standing' | 'province-state';

const LEVELS: readonly [RegExp, IssuerLevel][] = [
  [/^(bộ chính trị|ban bí thư|ban chấp hành trung ương|bch|trung ương)/u, 'party-central'],
  [/^(ban thường vụ )?(tỉnh|thành|huyện|quận|thị) ủy/u, 'party-province'],
  [/^chính phủ/u, 'government'],
  [/^thủ tướng/u, 'prime-minister'],
  [/^(ủy ban thường vụ quốc hội|ubtvqh)/u, 'assembly-standing'],
  [/^quốc hội/u, 'national-assembly'],
  [/^(hđnd|hội đồng nhân dân|ubnd|ủy ban nhân dân)/u, 'province-state'],
];

/** The level of a folded issuer phrase (`bộ chính trị` → party-central). */
export function issuerLevel(issuer: string): IssuerLevel | undefined {
  return LEVELS.find(([re]) => re.test(issuer))?.[1];
}

/** Whether a symbol belongs to documents of that level: `…/TW`, `…/TU`, `-CP`, `-TTg`, `/QH14`, `-UBTVQH14`, `-UBND`. */
export function matchesLevel(symbol: string, level: IssuerLevel): boolean {
  const s = symbol.toUpperCase().replace(/\/\d{4}$/u, '');
  switch (level) {
    case 'party-central': return /\/TW$/u.test(s);
    case 'party-province': return /\/(TU|THU|HU|QU|TXU)$/u.test(s);
    case 'government': return /-CP$/u.test(s);
    case 'prime-minister': return /-TTG$/u.test(s);
    case 'national-assembly': return /\/QH\d+$/u.test(s);
    case 'assembly-standing': return /-UBTVQH\d*$/u.test(s);
    case 'province-state': return /-(UBND|HĐND)/u.test(s);
  }
}

const PARTY_TYPE: Partial<Record<EntryKind, string>> = { 'nghị quyết': 'NQ', 'chỉ thị': 'CT', 'kết luận': 'KL', 'quyết định': 'QĐ', 'quy định': 'QĐ' };

/**
 * The symbol the numbering rules give a short form, where they give one without a year:
 * Party documents are `N-TYPE/TW` (central) or `N-TYPE/TU` (province) under Hướng dẫn 36-HD/VPTW,
 * Government resolutions `N/NQ-CP` and Prime Minister directives `N/CT-TTg` under Nghị định 30/2020/NĐ-CP.
 * Laws, decrees and normative decisions carry a year, so a bare number gives no symbol for them.
 */
export function deriveSymbol(kind: EntryKind, number: string, level: IssuerLevel): SymbolInfo | undefined {
  const party = PARTY_TYPE[kind];
  if (level === 'party-central' && party) return parseSymbol(`${number}-${party}/TW`);
  if (level === 'party-province' && party) return parseSymbol(`${number}-${party}/TU`);
  if (level === 'government' && kind === 'nghị quyết') return parseSymbol(`${number}/NQ-CP`);
  if (level === 'prime-minister' && kind === 'chỉ thị') return parseSymbol(`${number}/CT-TTg`);
  return undefined;
}

/** Party terms open with a national congress (dates as catalogued); State terms with the National Assembly election. */
const PARTY_TERMS: readonly [string, string][] = [['2001-04-19', 'IX'], ['2006-04-18', 'X'], ['2011-01-12', 'XI'], ['2016-01-20', 'XII'], ['2021-01-25', 'XIII'], ['2026-01-19', 'XIV']];
const STATE_TERMS: readonly [string, string][] = [['2002-05-19', 'XI'], ['2007-05-20', 'XII'], ['2011-05-22', 'XIII'], ['2016-05-22', 'XIV'], ['2021-05-23', 'XV']];

/** The term in office on an ISO date. */
export function termAt(date: string, party: boolean): string | undefined {
  let term: string | undefined;
  for (const [start, name] of party ? PARTY_TERMS : STATE_TERMS) if (date >= start) term = name;
  return term;
}
