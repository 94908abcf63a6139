import type { ArticleText } from '../text/article-text';
import { LineMemo } from '../text/memo';
import { fold, foldLine } from '../text/normalized-text';
import { LETTER_OR_MARK_BEFORE, matchesNotAfter } from '../text/match-after';
import { isoFromMatch, NUMERIC_DATE_SOURCE } from '../dates/numeric';
import type { CatalogEntry } from './catalog';

// Each word starts where no letter or mark comes before it (`matchesNotAfter`, a lookbehind the engine would try everywhere).
const PARTY_WORDS = /(đảng|đảng viên|tỉnh ủy|thành ủy|huyện ủy|cấp ủy|tuyên giáo|bộ chính trị|ban bí thư|chi bộ|đảng bộ|xây dựng đảng)(?![\p{L}\p{M}])/gu;
const STATE_WORDS = /(chính phủ|thủ tướng|bộ trưởng|doanh nghiệp|ngân sách|quốc hội|ubnd|hđnd|nghị định|thông tư)(?![\p{L}\p{M}])/gu;
const STOP_WORDS = new Set(['về', 'của', 'và', 'các', 'trong', 'với', 'cho', 'để', 'tới', 'đến', 'một', 'những', 'số', 'tình', 'hình', 'mới', 'tăng', 'cường']);

/** Lines read for the article's vocabulary: its first pages say what it is about. */
const FAMILY_LINES = 5000;

const familyWords = new LineMemo((line: string): readonly [number, number] => {
  const folded = foldLine(line);
  return [count(matchesNotAfter(folded, PARTY_WORDS, LETTER_OR_MARK_BEFORE)), count(matchesNotAfter(folded, STATE_WORDS, LETTER_OR_MARK_BEFORE))];
});

function count(matches: Iterator<unknown>): number {
  let n = 0;
  while (!matches.next().done) n++;
  return n;
}

/** Whether an article reads as Party work or State administration, from the vocabulary of its lines. */
export function articleFamily(doc: ArticleText): 'party' | 'state' | undefined {
  let party = 0;
  let state = 0;
  for (let line = 0; line < Math.min(doc.lineCount, FAMILY_LINES); line++) {
    const [p, s] = doc.lineValue(familyWords, line);
    party += p;
    state += s;
  }
  if (party > state * 2 && party >= 3) return 'party';
  if (state > party * 2 && state >= 3) return 'state';
  return undefined;
}

/** The topic a mention announces ("… về học tập và làm theo tư tưởng …"), as content words. */
export function topicWords(following: string): Set<string> {
  const m = /^\s*(?:ngày [\d/-]+\s*)?(?:của [^,;.]{0,40}?)?\s*(?:về|"|“)\s*([^;.]{0,160})/u.exec(fold(following));
  return new Set((m?.[1] ?? '').split(/[^\p{L}\p{M}]+/u).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

/** How many of the topic words the entry's title shares. */
export function topicScore(entry: CatalogEntry, topic: ReadonlySet<string>): number {
  if (topic.size === 0) return 0;
  const title = new Set(fold(entry.title).split(/[^\p{L}\p{M}]+/u));
  let shared = 0;
  for (const w of topic) if (title.has(w)) shared++;
  return shared;
}

/** True for Party documents (symbols ending in /TW). */
export function isPartyEntry(entry: CatalogEntry): boolean {
  return /\/T[WƯ]$/u.test((entry.symbol ?? entry.id).replace(/\/\d{4}$/u, ''));
}

const DATE_AFTER = new RegExp(`^\\s*,?\\s*(?:ban hành\\s+)?ngày\\s+${NUMERIC_DATE_SOURCE}`, 'u');
const DATE_BEFORE = new RegExp(`ngày\\s+${NUMERIC_DATE_SOURCE}\\s*,?[^.;]{0,60}(?:ra|ban hành|ký|thông qua)[^.;]{0,20}$`, 'u');

/**
 * The issue date the text gives for a mention, as ISO: written right after it ("… số 49-NQ/TW ngày 20-6-1961")
 * or leading its sentence ("Ngày 12-5-1951, Ban Bí thư … ra Chỉ thị số 05-CT/TW").
 */
export function statedDate(following: string, preceding = ''): string | undefined {
  const m = DATE_AFTER.exec(fold(following)) ?? DATE_BEFORE.exec(fold(preceding));
  return m ? isoFromMatch(m) : undefined;
}
