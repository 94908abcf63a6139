import { toLineKey, type ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';
import { BUILT_IN_TABLE } from './built-in-table';

const entry = BUILT_IN_TABLE.entries.find((e) => e.id === 'boilerplate/related-header');
const phrases = new Set(entry?.phrases.map(toLineKey) ?? []);

/** True when a line key is a header that opens a list of other articles ("Tin liên quan", "Cùng chuyên mục"). */
export function isRelatedHeader(key: string): boolean {
  return relatedHeaders.get(key);
}

/** `isRelatedHeader` of a line's key, kept by line in the document. */
export function isRelatedHeaderLine(doc: ArticleText, line: number): boolean {
  return doc.keyValue(relatedHeaders, line);
}

const relatedHeaders = new LineMemo((key: string) => phrases.has(key) || (entry?.patterns.some((p) => p.test(key)) ?? false));
