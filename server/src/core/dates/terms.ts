import { toOrdinal } from '../text/roman';
import type { YearRange } from './year';

// The years of the national Party congresses: a Central Committee "khóa N" sits from congress N to congress N+1.
// Source: "Đại hội Đại biểu toàn quốc Đảng Cộng sản Việt Nam", https://vi.wikipedia.org/wiki/Đại_hội_Đại_biểu_toàn_quốc_Đảng_Cộng_sản_Việt_Nam
const PARTY_CONGRESS_YEARS: Readonly<Record<number, number>> = { 6: 1986, 7: 1991, 8: 1996, 9: 2001, 10: 2006, 11: 2011, 12: 2016, 13: 2021, 14: 2026 };
// The terms of the National Assembly (Quốc hội khóa N), first and last year.
// Source: "Quốc hội Việt Nam", https://vi.wikipedia.org/wiki/Quốc_hội_Việt_Nam (list of terms)
const ASSEMBLY_TERMS: Readonly<Record<number, readonly [number, number]>> = {
  10: [1997, 2002], 11: [2002, 2007], 12: [2007, 2011], 13: [2011, 2016], 14: [2016, 2021], 15: [2021, 2026],
};

const PARTY_TERM = /(?:trung ương(?: đảng)?|bộ chính trị|ban bí thư|bch\s*t\.?ư|t\.ư(?: đảng)?)(?:\s+(?:\d{1,2}|lần thứ\s+\p{L}+))?\s*,?\s*\(?(?:khóa|khoá)\s+([xvi]+)(?![\p{L}\p{M}])/gu;
// "kỳ họp thứ 3, Quốc hội khóa XIV": the Assembly meets twice a year from the July after its election, so the N-th
// regular session of a term falls in the term's first year plus N/2 (rounded down), for the first ten sessions.
const SESSION = /(?:kỳ|kì) họp thứ\s+(\d{1,2}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,?\s*(?:của\s+)?(?:quốc hội|qh)\s*(?:\(\s*)?(?:khóa|khoá)\s+([xvi]+|\d{1,2})(?![\p{L}\p{M}\d])/gu;
const SESSION_WORDS: Readonly<Record<string, number>> = { nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
const ASSEMBLY_TERM = /(?:quốc hội|qh|ubtvqh|ủy ban thường vụ quốc hội)\s*,?\s*\(?(?:khóa|khoá)\s+([xvi]+|\d{1,2})(?![\p{L}\p{M}\d])/gu;
const TERM_YEARS = /nhiệm kỳ\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)/gu;

/** The ranges of years that terms written in a folded line bound: "khóa XII" of the Central Committee, "Quốc hội khóa 14", "nhiệm kỳ 2015-2020". */
export function findTermRanges(folded: string): YearRange[] {
  const out: YearRange[] = [];
  // Every term but "nhiệm kỳ 2015-2020" is written with "khóa": the regexes run only where their word is.
  const khoa = folded.includes('khóa') || folded.includes('khoá');
  if (khoa) for (const m of folded.matchAll(PARTY_TERM)) {
    const n = toOrdinal(m[1] ?? '');
    const from = n === undefined ? undefined : PARTY_CONGRESS_YEARS[n];
    const to = n === undefined ? undefined : PARTY_CONGRESS_YEARS[n + 1];
    if (from !== undefined && to !== undefined) out.push({ from, to, text: m[0].trim() });
  }
  if (khoa) for (const m of folded.matchAll(ASSEMBLY_TERM)) {
    const n = toOrdinal(m[1] ?? '');
    const term = n === undefined ? undefined : ASSEMBLY_TERMS[n];
    if (term) out.push({ from: term[0], to: term[1], text: m[0].trim() });
  }
  if (khoa) for (const m of folded.matchAll(SESSION)) {
    const n = Number(m[1]) || SESSION_WORDS[m[1] ?? ''] || 0;
    const k = toOrdinal(m[2] ?? '');
    const term = k === undefined ? undefined : ASSEMBLY_TERMS[k];
    if (term && n >= 1 && n <= 10) out.push({ from: term[0] + Math.floor(n / 2), to: term[0] + Math.floor(n / 2), text: m[0].trim() });
  }
  if (folded.includes('nhiệm kỳ')) for (const m of folded.matchAll(TERM_YEARS)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from <= to && to - from <= 10) out.push({ from, to, text: m[0].trim() });
  }
  return out;
}

/** Of the ranges an article gives, the latest term (articles name past terms, not future ones), narrowest first. */
export function currentTerm(ranges: readonly YearRange[]): YearRange | undefined {
  let best: YearRange | undefined;
  for (const r of ranges) if (!best || r.from > best.from || (r.from === best.from && r.to < best.to)) best = r;
  return best;
}
