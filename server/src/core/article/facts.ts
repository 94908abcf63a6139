import type { ArticleText } from '../text/article-text';
import { provinceAlternation, toProvinceName } from '../text/provinces';

/** What the article says about itself. */
export interface ArticleFacts {
  /** Line of the title, when one was recognised. */
  readonly titleLine?: number;
  readonly title?: string;
  /** Publication date (ISO) from a date line such as `04/01/2021`. */
  readonly date?: string;
  readonly dateLine?: number;
  /** Years the text mentions, most frequent first. */
  readonly years: readonly number[];
  readonly province?: string;
  readonly provinceEvidence?: string;
}

const DATE_LINE = /^(?:(?:thứ [a-zăâêôơư0-9]+|chủ nhật),?\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const SOURCE_LINE = new RegExp(`^(?:nguồn|theo)\\s*:?\\s*(?:báo|cổng thông tin điện tử|trang thông tin điện tử|đài ptth|tạp chí)?\\s*(${provinceAlternation()})$`, 'u');
const PROVINCE_IN_TEXT = new RegExp(`(?:tỉnh|thành phố|tp\\.?|quê hương|tỉnh ủy|đảng bộ tỉnh)\\s+(${provinceAlternation()})(?![\\p{L}\\p{M}])`, 'gu');
const YEAR = /(?<![\d/])(?:năm\s+)?((?:19|20)\d{2})(?![\d/])/gu;

/** Reads title, date, years and province from the text. */
export function findArticleFacts(doc: ArticleText, isBoilerplateLine: (line: number) => boolean): ArticleFacts {
  const scanLines = Math.min(doc.lineCount, 5000);
  let titleLine: number | undefined;
  let dateLine: number | undefined;
  let date: string | undefined;
  let province: string | undefined;
  let provinceEvidence: string | undefined;
  for (let line = 0; line < scanLines; line++) {
    if (doc.isBlank(line) || isBoilerplateLine(line)) continue;
    const key = doc.lineKey(line);
    if (titleLine === undefined && isTitleLike(key)) titleLine = line;
    const d = date === undefined ? DATE_LINE.exec(key) : null;
    if (d) {
      date = `${d[3]}-${pad(d[2])}-${pad(d[1])}`;
      dateLine = line;
    }
    const source = SOURCE_LINE.exec(key);
    if (source?.[1] && !province) {
      province = toProvinceName(source[1]);
      provinceEvidence = doc.lineText(line).trim();
    }
  }
  if (!province) ({ province, provinceEvidence } = mostMentionedProvince(doc.normalized.text));
  return {
    ...(titleLine !== undefined ? { titleLine, title: doc.lineText(titleLine).trim() } : {}),
    ...(date !== undefined ? { date, dateLine } : {}),
    years: yearsByFrequency(doc.normalized.text),
    ...(province ? { province, provinceEvidence } : {}),
  };
}

/** A headline: a handful of words, not a date line, not a sentence ending in a full stop. */
function isTitleLike(key: string): boolean {
  const words = key.split(' ').length;
  return words >= 4 && key.length <= 200 && !/[.:]$/u.test(key) && !DATE_LINE.test(key);
}

function mostMentionedProvince(folded: string): { province?: string; provinceEvidence?: string } {
  const counts = new Map<string, number>();
  PROVINCE_IN_TEXT.lastIndex = 0;
  for (let m = PROVINCE_IN_TEXT.exec(folded); m; m = PROVINCE_IN_TEXT.exec(folded)) {
    const name = toProvinceName(m[1] ?? '');
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { province: best[0], provinceEvidence: `${best[1]}×` } : {};
}

function yearsByFrequency(folded: string): number[] {
  const counts = new Map<number, number>();
  const head = folded.slice(0, 200_000);
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(head); m; m = YEAR.exec(head)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y);
}

function pad(n: string | undefined): string {
  return (n ?? '').padStart(2, '0');
}
