import type { LocalizedText, Tier } from '../../types';

/** One whole-line boilerplate entry of `server/data/boilerplate.json`. */
export interface PhraseEntry {
  readonly id: string;
  readonly tier: Tier;
  readonly description: LocalizedText;
  readonly message: LocalizedText;
  readonly phrases: readonly string[];
  readonly patterns: readonly RegExp[];
  readonly examples: readonly { readonly bad?: string; readonly good?: string }[];
}

/** A problem found while reading the table; the entry is skipped, the rest loads. */
export interface TableProblem {
  readonly where: string;
  readonly message: string;
}

const TIERS: readonly Tier[] = ['certain', 'probable', 'weak'];

/** Validates the phrase table JSON into entries, reporting what it had to skip. */
export function parsePhraseTable(json: unknown): { entries: PhraseEntry[]; problems: TableProblem[] } {
  const entries: PhraseEntry[] = [];
  const problems: TableProblem[] = [];
  const rules = isRecord(json) && Array.isArray(json.rules) ? json.rules : undefined;
  if (!rules) return { entries, problems: [{ where: 'rules', message: 'expected an array "rules"' }] };
  rules.forEach((raw: unknown, i: number) => {
    const where = `rules[${i}]`;
    try {
      entries.push(toEntry(raw));
    } catch (error) {
      problems.push({ where, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { entries, problems };
}

function toEntry(raw: unknown): PhraseEntry {
  if (!isRecord(raw)) throw new Error('not an object');
  const id = raw.id;
  if (typeof id !== 'string' || !/^boilerplate\/[a-z0-9-]+$/u.test(id)) throw new Error('"id" must look like boilerplate/kebab-name');
  const tier = raw.tier;
  if (typeof tier !== 'string' || !TIERS.includes(tier as Tier)) throw new Error(`${id}: "tier" must be one of ${TIERS.join(', ')}`);
  return {
    id,
    tier: tier as Tier,
    description: toLocalized(raw.description, `${id}: "description"`),
    message: toLocalized(raw.message, `${id}: "message"`),
    phrases: toStrings(raw.phrases, `${id}: "phrases"`),
    patterns: toStrings(raw.patterns, `${id}: "patterns"`).map((p) => new RegExp(`^(?:${p})$`, 'u')),
    examples: Array.isArray(raw.examples) ? raw.examples.filter(isRecord).map(toExample) : [],
  };
}

function toExample(raw: Record<string, unknown>): { bad?: string; good?: string } {
  return {
    ...(typeof raw.bad === 'string' ? { bad: raw.bad } : {}),
    ...(typeof raw.good === 'string' ? { good: raw.good } : {}),
  };
}

function toLocalized(raw: unknown, where: string): LocalizedText {
  if (isRecord(raw) && typeof raw.en === 'string' && typeof raw.vi === 'string') return { en: raw.en, vi: raw.vi };
  throw new Error(`${where} must be { "en": string, "vi": string }`);
}

function toStrings(raw: unknown, where: string): string[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw) && raw.every((s) => typeof s === 'string')) return raw as string[];
  throw new Error(`${where} must be an array of strings`);
}

/** Narrows unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
