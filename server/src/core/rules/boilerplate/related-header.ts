import boilerplateTable from '../../../../data/boilerplate.json';
import { toLineKey } from '../../text/article-text';
import { parsePhraseTable } from './phrase-table';

const entry = parsePhraseTable({ rules: boilerplateTable.rules.filter((r) => r.id === 'boilerplate/related-header') }).entries[0];
const phrases = new Set(entry?.phrases.map(toLineKey) ?? []);

/** True when a line key is a header that opens a list of other articles ("Tin liên quan", "Cùng chuyên mục"). */
export function isRelatedHeader(key: string): boolean {
  return phrases.has(key) || (entry?.patterns.some((p) => p.test(key)) ?? false);
}
