import provinceData from '../../../data/provinces.json';
import { fold } from './normalized-text';

const byKey = new Map<string, string>();
for (const name of provinceData.provinces) byKey.set(fold(name), name);
for (const [alias, name] of Object.entries(provinceData.aliases)) byKey.set(fold(alias), name);

/** The folded names and aliases of every province, longest first, for building patterns. */
export const PROVINCE_KEYS: readonly string[] = [...byKey.keys()].sort((a, b) => b.length - a.length);

/** The official name of a province from a folded name or alias. */
export function toProvinceName(folded: string): string | undefined {
  return byKey.get(folded.replace(/\s+/gu, ' ').trim());
}

/** A regex source matching any province name in folded text. */
export function provinceAlternation(): string {
  return PROVINCE_KEYS.map(escapeRegExp).join('|');
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
