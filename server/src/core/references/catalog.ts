import { isRecord } from '../rules/boilerplate/phrase-table';

/** The kinds of things the catalog describes. */
export const ENTRY_KINDS = [
  'nghị quyết', 'chỉ thị', 'kết luận', 'quy định', 'quyết định', 'luật', 'nghị định', 'thông tư',
  'đại hội', 'chương trình', 'giải thưởng', 'cơ quan',
] as const;

/** One kind of catalogued thing. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A catalogued document, congress, programme, award or body. */
export interface CatalogEntry {
  readonly id: string;
  readonly kind: EntryKind;
  readonly number?: string;
  readonly symbol?: string;
  readonly date?: string;
  readonly issuer?: string;
  readonly term?: string;
  readonly plenum?: string;
  readonly title: string;
  readonly description: string;
  readonly gloss: string;
  readonly citedAs: readonly string[];
  readonly replaces: readonly string[];
  readonly replacedBy: readonly string[];
  readonly source: { readonly url: string; readonly title: string };
  /** Where the entry was read from, for go-to-definition. */
  readonly origin: { readonly file: string; readonly index: number };
}

/** A problem with one catalog entry, naming the file and field; the entry is skipped. */
export interface CatalogProblem {
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

/** Validates one catalog file's JSON; broken entries are reported and skipped, the rest load. */
export function parseCatalog(json: unknown, file: string): { entries: CatalogEntry[]; problems: CatalogProblem[] } {
  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  const raw = isRecord(json) && Array.isArray(json.entries) ? json.entries : undefined;
  if (!raw) return { entries, problems: [{ file, where: 'entries', message: 'expected { "entries": [ ... ] }' }] };
  raw.forEach((item: unknown, index: number) => {
    const result = toEntry(item, file, index);
    if (typeof result === 'string') problems.push({ file, where: `entries[${index}]`, message: result });
    else entries.push(result);
  });
  return { entries, problems };
}

function toEntry(raw: unknown, file: string, index: number): CatalogEntry | string {
  if (!isRecord(raw)) return 'not an object';
  for (const field of ['id', 'kind', 'title', 'description', 'gloss'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') return `"${field}" must be a non-empty string`;
  }
  if (!ENTRY_KINDS.includes(raw.kind as EntryKind)) return `"kind" must be one of: ${ENTRY_KINDS.join(', ')}`;
  const source = raw.source;
  if (!isRecord(source) || typeof source.url !== 'string' || !/^https?:\/\//u.test(source.url)) {
    return '"source.url" must be an http(s) address';
  }
  if (raw.date !== undefined && (typeof raw.date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(raw.date))) {
    return '"date" must be YYYY, YYYY-MM or YYYY-MM-DD';
  }
  for (const field of ['number', 'symbol', 'issuer', 'term', 'plenum'] as const) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string') return `"${field}" must be a string`;
  }
  for (const field of ['citedAs', 'replaces', 'replacedBy'] as const) {
    const v = raw[field];
    if (v !== undefined && !(Array.isArray(v) && v.every((s) => typeof s === 'string'))) return `"${field}" must be an array of strings`;
  }
  const optional = (field: string): string | undefined => (typeof raw[field] === 'string' ? (raw[field] as string) : undefined);
  const list = (field: string): string[] => (Array.isArray(raw[field]) ? (raw[field] as string[]) : []);
  return {
    id: String(raw.id).normalize('NFC'),
    kind: raw.kind as EntryKind,
    ...defined({ number: optional('number'), symbol: optional('symbol'), date: optional('date'), issuer: optional('issuer'), term: optional('term'), plenum: optional('plenum') }),
    title: String(raw.title),
    description: String(raw.description),
    gloss: String(raw.gloss),
    citedAs: list('citedAs'),
    replaces: list('replaces'),
    replacedBy: list('replacedBy'),
    source: { url: source.url, title: typeof source.title === 'string' ? source.title : source.url },
    origin: { file, index },
  };
}

function defined<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const v = values[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** All loaded entries with lookups by id and by symbol. */
export class Catalog {
  private readonly byId = new Map<string, CatalogEntry>();

  constructor(readonly entries: readonly CatalogEntry[] = []) {
    // Later files win, so a user's catalog can correct a built-in entry.
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  /** The entry with this id. */
  get(id: string): CatalogEntry | undefined {
    return this.byId.get(id.normalize('NFC'));
  }

  /** Entries of a kind whose number (or symbol's leading number) equals `number`. */
  findByNumber(kind: EntryKind, number: string): CatalogEntry[] {
    const wanted = stripZeros(number);
    return [...this.byId.values()].filter(
      (e) => e.kind === kind && (stripZeros(e.number ?? '') === wanted || stripZeros(leadingNumber(e.symbol ?? e.id)) === wanted),
    );
  }
}

function leadingNumber(symbol: string): string {
  return /^\d+/u.exec(symbol)?.[0] ?? '';
}

/** A number without its leading zeros (`05` → `5`), for comparing document numbers. */
export function stripZeros(n: string): string {
  return n.replace(/^0+(?=\d)/u, '');
}
