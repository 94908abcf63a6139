import type { ArticleText } from '../text/article-text';
import { LineMemo } from '../text/memo';
import { foldLine } from '../text/normalized-text';
import { provinceAlternation, toProvinceName } from '../text/provinces';
import { fromParts, toIso } from '../dates/calendar';
import { NUMERIC_DATE_SOURCE } from '../dates/numeric';

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

// A date line: an optional weekday, a full date, an optional time ("Thứ hai, 04/01/2021 - 10:15").
const DATE_LINE = new RegExp(`^(?:(?:thứ [a-zăâêôơư0-9]+|chủ nhật),?\\s*)?${NUMERIC_DATE_SOURCE}(?:\\s*[-|,]?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$`, 'u');
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
    const shape = doc.keyValue(lineShapes, line);
    if (shape === NOTHING) continue;
    if (titleLine === undefined && shape.titleLike) titleLine = line;
    if (date === undefined && shape.date !== undefined) {
      date = shape.date;
      dateLine = line;
    }
    if (shape.province !== undefined && !province) {
      province = shape.province;
      provinceEvidence = doc.lineText(line).trim();
    }
  }
  const counts = countLines(doc);
  if (!province) ({ province, provinceEvidence } = mostMentionedProvince(counts.provinces));
  return {
    ...(titleLine !== undefined ? { titleLine, title: doc.lineText(titleLine).trim() } : {}),
    ...(date !== undefined ? { date, dateLine } : {}),
    years: [...counts.years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y),
    ...(province ? { province, provinceEvidence } : {}),
  };
}

/** What one line key says of the article: a headline's shape, a date line's day, a source line's province. */
interface LineShape {
  readonly titleLike: boolean;
  readonly date?: string;
  readonly province?: string;
}

const NOTHING: LineShape = { titleLike: false };

const lineShapes = new LineMemo((key: string): LineShape => {
  const titleLike = isTitleLike(key);
  const m = DATE_LINE.exec(key);
  // "31/02/2021" is not a day: such a line is no date line.
  const day = m ? fromParts(m[1], m[2], m[3]) : undefined;
  const source = SOURCE_LINE.exec(key)?.[1];
  const province = source ? toProvinceName(source) : undefined;
  if (!titleLike && !day && !province) return NOTHING;
  return { titleLike, ...(day ? { date: toIso(day) } : {}), ...(province ? { province } : {}) };
});

/** A headline: a handful of words, not a date line, not a sentence ending in a full stop. */
function isTitleLike(key: string): boolean {
  if (key.length > 200 || /[.:]$/u.test(key)) return false;
  return key.split(' ').length >= 4 && !DATE_LINE.test(key);
}

interface LineFacts {
  readonly provinces: readonly string[];
  readonly years: readonly number[];
}

/** Provinces ("tỉnh Sơn La") and years a line mentions, memoised per line text. */
const factsByLine = new LineMemo((line: string): LineFacts => {
  const folded = foldLine(line);
  const provinces: string[] = [];
  for (const m of folded.matchAll(PROVINCE_IN_TEXT)) {
    const name = toProvinceName(m[1] ?? '');
    if (name) provinces.push(name);
  }
  return { provinces, years: [...folded.matchAll(YEAR)].map((m) => Number(m[1])) };
});

function countLines(doc: ArticleText): { provinces: Map<string, number>; years: Map<number, number> } {
  const provinces = new Map<string, number>();
  const years = new Map<number, number>();
  for (let line = 0; line < doc.lineCount && line < 20_000; line++) {
    const facts = doc.lineValue(factsByLine, line);
    for (const p of facts.provinces) provinces.set(p, (provinces.get(p) ?? 0) + 1);
    for (const y of facts.years) years.set(y, (years.get(y) ?? 0) + 1);
  }
  return { provinces, years };
}

function mostMentionedProvince(counts: ReadonlyMap<string, number>): { province?: string; provinceEvidence?: string } {
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { province: best[0], provinceEvidence: `${best[1]}×` } : {};
}
