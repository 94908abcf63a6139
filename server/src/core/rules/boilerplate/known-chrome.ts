import { toLineKey, type ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';
import { BUILT_IN_TABLE } from './built-in-table';
import { isRelatedHeader } from './related-header';

const certain = BUILT_IN_TABLE.entries.filter((e) => e.tier === 'certain');
const phrases = new Set(certain.flatMap((e) => e.phrases.map(toLineKey)));
const patterns = certain.flatMap((e) => e.patterns);

const known = new LineMemo((key: string) => key.length <= 200 && (isRelatedHeader(key) || phrases.has(key) || patterns.some((p) => p.test(key))));

/** True when the phrase table already knows a line key as site chrome (a related header, a widget, a footer line). */
export function isKnownChrome(key: string): boolean {
  return key.length <= 200 && known.get(key);
}

/** `isKnownChrome` of a line's key, kept by line in the document. */
export function isKnownChromeLine(doc: ArticleText, line: number): boolean {
  return doc.keyValue(known, line);
}
