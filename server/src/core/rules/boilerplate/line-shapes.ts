/** Small judgements about the shape of a line, shared by the context rules. */
import type { ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';

const SENTENCE_END = /[.!?…:;"”»)]$/u;

/** Number of words in a line key. */
export function wordCount(key: string): number {
  if (key === '') return 0;
  // As many words as `key.split(' ')` gives, counted without building them.
  let words = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) words++;
  return words;
}

/** A line that reads like article prose: long, or several words ending in sentence punctuation. */
export function isSentenceLike(key: string): boolean {
  return key.length > 160 || (wordCount(key) >= 6 && SENTENCE_END.test(key)) || /[.!?]\s+\p{L}/u.test(key);
}

/** A paragraph of article text: long, or two sentences or more. */
export function isParagraph(key: string): boolean {
  return key.length > 180 || ((key.match(/[.!?…]\s+\p{L}/gu)?.length ?? 0) >= 1 && key.length > 100);
}

/** A byline or source line (`PV`, `Trung Hiếu`, `Nguồn Báo Hà Nam`, `Theo TTXVN`): article metadata, never debris. */
export function isBylineLike(raw: string): boolean {
  // Several rules ask about the same lines, and again after each edit: judged once per line text.
  return raw.length <= MAX_BYLINE && bylineLike.get(raw);
}

/** `isBylineLike` of a document's line, kept with the line so the next version of the document reads it by position. */
export function isBylineLine(doc: ArticleText, line: number): boolean {
  const info = doc.line(line);
  return info.end - info.start <= MAX_BYLINE && doc.lineValue(bylineLike, line);
}

/** Longer lines are never bylines. */
const MAX_BYLINE = 120;

const bylineLike = new LineMemo(judgeByline, 50_000);

function judgeByline(raw: string): boolean {
  const line = raw.normalize('NFC').trim();
  // "Theo Forbes", "Nguồn: Báo Hà Nam"; a sentence that starts with "Theo" ("Theo quyết định, ông …") is not a source line.
  if (/^(nguồn|theo)\s*:?\s+\S/iu.test(line)) return line.split(/\s+/u).length <= 8 && !/,/u.test(line);
  if (/^(pv|ctv|ttxvn|btv|nhóm pv)$/iu.test(line)) return true;
  const words = line.split(/\s+/u);
  return words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*\.?$|^\p{Lu}+$/u.test(w)) && !/[0-9]/u.test(line);
}

const DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?|\d{1,2}:\d{2}/u;
const DATE_WORDS = /(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|ngày|tháng|năm|lúc|giờ|gmt\s*[+-]\s*\d+|cập nhật|đăng|[\d/.:,\-–|()+\s])+/gu;

/** A dateline ("Thứ hai, 18/2/2019, 17:34 (GMT+7)", "04/01/2021"): a date and hardly anything else. */
export function isDateLike(key: string): boolean {
  if (key.length > 60 || !DATE.test(key)) return false;
  return key.replace(DATE_WORDS, '').length <= 3;
}
