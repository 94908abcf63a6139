import { isRecord } from '../rules/boilerplate/phrase-table';
import { parseSymbol } from './symbol';

/** The kinds of things the catalog describes. */
export const ENTRY_KINDS = [
  'nghị quyết', 'chỉ thị', 'kết luận', 'quy định', 'quyết định', 'luật', 'pháp lệnh', 'nghị định', 'thông tư',
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
  /** The pack file of an entry read from a pack; absent for hand-checked entries. */
  readonly pack?: string;
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

/** One pack named in the pack index: the symbols it holds (by type code, or issuer code for laws) and their kinds. */
export interface PackInfo {
  readonly file: string;
  readonly keys: readonly string[];
  readonly kinds: readonly EntryKind[];
  readonly count: number;
}

/** The packs of the catalog and how to read one; reading is left to the caller, so core does no I/O. */
export interface PackSource {
  readonly packs: readonly PackInfo[];
  /** One pack's JSON, or a reason it cannot be had. */
  readonly read: (file: string) => { value?: unknown; error?: string };
  /** Where a pack file is, for an entry's origin (go to definition); the file name when absent. */
  readonly locate?: (file: string) => string;
}

/** Validates the pack index (`packs/index.json`). */
export function parsePackIndex(json: unknown, file: string): { packs: PackInfo[]; problems: CatalogProblem[] } {
  const raw = isRecord(json) && Array.isArray(json.packs) ? json.packs : undefined;
  if (!raw) return { packs: [], problems: [{ file, where: 'packs', message: 'expected { "packs": [ ... ] }' }] };
  const packs: PackInfo[] = [];
  const problems: CatalogProblem[] = [];
  raw.forEach((p: unknown, index: number) => {
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!isRecord(p) || typeof p.file !== 'string' || !/^[\w.-]+\.json$/u.test(p.file) || !strings(p.keys) || !strings(p.kinds) || !p.kinds.every((k) => ENTRY_KINDS.includes(k as EntryKind))) {
      problems.push({ file, where: `packs[${index}]`, message: 'expected { "file": "name.json", "keys": [...], "kinds": [...] }' });
      return;
    }
    packs.push({ file: p.file, keys: p.keys, kinds: p.kinds as EntryKind[], count: typeof p.count === 'number' ? p.count : 0 });
  });
  return { packs, problems };
}

const ENGLISH_KINDS: Partial<Record<EntryKind, string>> = {
  'luật': 'Law', 'pháp lệnh': 'Ordinance', 'nghị quyết': 'Resolution', 'nghị định': 'Decree', 'quyết định': 'Decision', 'chỉ thị': 'Directive', 'thông tư': 'Circular',
};

/**
 * Validates one pack: `{ "source": { "url", "title" }, "entries": [ { id, kind, number, symbol, date, issuer, title, effective?, url } ] }`.
 * Every field of an entry comes from its source; the description and gloss are only those fields restated.
 */
export function parsePack(json: unknown, file: string): { entries: CatalogEntry[]; problems: CatalogProblem[] } {
  const shape = packShape(json, file);
  if (typeof shape === 'string') return { entries: [], problems: [{ file, where: 'entries', message: shape }] };
  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  shape.raw.forEach((item: unknown, index: number) => {
    const result = toPackEntry(item, file, index, shape.via);
    if (typeof result === 'string') problems.push({ file, where: `entries[${index}]`, message: result });
    else entries.push(result);
  });
  return { entries, problems };
}

function packShape(json: unknown, file: string): { raw: unknown[]; via: string } | string {
  const source = isRecord(json) && isRecord(json.source) ? json.source : undefined;
  const raw = isRecord(json) && Array.isArray(json.entries) ? (json.entries as unknown[]) : undefined;
  if (!raw || !source || typeof source.title !== 'string') return `${file}: expected { "source": { "title": ... }, "entries": [ ... ] }`;
  return { raw, via: source.title };
}

function toPackEntry(item: unknown, file: string, index: number, via: string): CatalogEntry | string {
  if (!isRecord(item)) return 'not an object';
  const date = typeof item.date === 'string' ? item.date : '';
  const effective = typeof item.effective === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(item.effective) ? item.effective : undefined;
  const kind = item.kind as EntryKind;
  const description = `Ban hành ngày ${vietnameseDate(date)}${effective ? `, có hiệu lực thi hành từ ngày ${vietnameseDate(effective)}` : ''} (theo ${via}).`;
  const gloss = `${ENGLISH_KINDS[kind] ?? 'Document'} ${String(item.symbol)}, issued ${date}.`;
  const result = toEntry({ ...item, description, gloss, source: { url: item.url, title: `vbpl.vn: ${String(item.symbol)}` } }, file, index);
  if (typeof result === 'string') return result;
  if (!result.symbol || !result.date || !result.issuer || !result.number) return 'a pack entry needs "number", "symbol", "date" and "issuer"';
  return { ...result, pack: file.split(/[\\/]/u).pop() ?? file };
}

/** One pack as read: its raw entries, indexed by symbol and by kind and number, turned into entries when asked for. */
interface LoadedPack {
  readonly file: string;
  readonly raw: readonly unknown[];
  readonly via: string;
  readonly bySymbol: ReadonlyMap<string, readonly number[]>;
  readonly byNumber: ReadonlyMap<string, readonly number[]>;
  readonly made: Map<number, CatalogEntry | undefined>;
}

function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

/** The pack key of a symbol: its type code, or for a law or a Standing Committee document its issuer code, without the term. */
export function packKey(symbol: string): string | undefined {
  const info = parseSymbol(symbol);
  return info ? (info.typeCode ?? info.issuerCodes[0] ?? '').replace(/\d+$/u, '') : undefined;
}

/**
 * All loaded entries with lookups by id, symbol and number. The hand-checked entries are held at once; pack entries
 * are read only when a lookup needs their pack (by the symbol's type code, or by kind), and never shadow a hand entry.
 */
export class Catalog {
  private readonly byId = new Map<string, CatalogEntry>();
  private bySymbolIndex: Map<string, CatalogEntry[]> | undefined;
  private readonly loaded = new Map<string, LoadedPack>();
  private readonly problems: CatalogProblem[] = [];

  constructor(readonly entries: readonly CatalogEntry[] = [], private readonly packs?: PackSource) {
    // Later files win, so a user's catalog can correct a built-in entry.
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  /** The entry with this id (a pack entry's id is its symbol). */
  get(id: string): CatalogEntry | undefined {
    const wanted = id.normalize('NFC');
    return this.byId.get(wanted) ?? this.fromPacksBySymbol(wanted).find((e) => e.id === wanted);
  }

  /** Entries carrying this symbol, letter case aside (an id may add a year where a symbol repeats across terms). */
  findBySymbol(symbol: string): CatalogEntry[] {
    const wanted = symbol.normalize('NFC').toUpperCase();
    const own = this.ownBySymbol().get(wanted) ?? [];
    return [...own, ...this.fromPacksBySymbol(wanted).filter((e) => !shadowed(e, own))];
  }

  /** Entries of a kind whose number (or symbol's leading number) equals `number`. */
  findByNumber(kind: EntryKind, number: string): CatalogEntry[] {
    const wanted = stripZeros(number);
    const fits = (e: CatalogEntry): boolean => e.kind === kind && (stripZeros(e.number ?? '') === wanted || stripZeros(leadingNumber(e.symbol ?? e.id)) === wanted);
    const own = [...this.byId.values()].filter(fits);
    const fromPacks: CatalogEntry[] = [];
    for (const pack of this.packsWhere((p) => p.kinds.includes(kind))) {
      fromPacks.push(...this.made(pack, pack.byNumber.get(`${kind}:${wanted}`) ?? []).filter((e) => fits(e) && !shadowed(e, this.ownBySymbol().get((e.symbol ?? e.id).toUpperCase()) ?? [])));
    }
    return [...own, ...fromPacks];
  }

  /** Packs read so far, by file name, with their entry counts. */
  loadedPacks(): ReadonlyMap<string, number> {
    return new Map([...this.loaded].map(([file, p]) => [file, p.raw.length]));
  }

  /** Problems met reading packs so far; a pack or entry that cannot be read is skipped, and the rest of the catalog works. */
  packProblems(): readonly CatalogProblem[] {
    return this.problems;
  }

  private fromPacksBySymbol(wanted: string): CatalogEntry[] {
    const key = this.packs ? packKey(wanted)?.toUpperCase() : undefined;
    if (key === undefined) return [];
    const upper = wanted.toUpperCase();
    return this.packsWhere((p) => p.keys.some((k) => k.toUpperCase() === key)).flatMap((pack) => this.made(pack, pack.bySymbol.get(upper) ?? []));
  }

  private ownBySymbol(): Map<string, CatalogEntry[]> {
    if (!this.bySymbolIndex) {
      this.bySymbolIndex = new Map();
      for (const e of this.byId.values()) {
        for (const key of new Set([(e.symbol ?? e.id).toUpperCase(), e.id.toUpperCase()])) this.bySymbolIndex.set(key, [...(this.bySymbolIndex.get(key) ?? []), e]);
      }
    }
    return this.bySymbolIndex;
  }

  private packsWhere(where: (p: PackInfo) => boolean): LoadedPack[] {
    return (this.packs?.packs ?? []).filter(where).map((p) => this.load(p.file));
  }

  /** The entries at these places of a pack, validated the first time each is asked for; a broken one is reported once. */
  private made(pack: LoadedPack, places: readonly number[]): CatalogEntry[] {
    const out: CatalogEntry[] = [];
    for (const i of places) {
      if (!pack.made.has(i)) {
        const result = toPackEntry(pack.raw[i], this.packs?.locate?.(pack.file) ?? pack.file, i, pack.via);
        if (typeof result === 'string') this.problems.push({ file: pack.file, where: `entries[${i}]`, message: result });
        pack.made.set(i, typeof result === 'string' ? undefined : result);
      }
      const entry = pack.made.get(i);
      if (entry) out.push(entry);
    }
    return out;
  }

  private load(file: string): LoadedPack {
    const done = this.loaded.get(file);
    if (done) return done;
    const read = this.packs?.read(file) ?? { error: 'no pack source' };
    const shape = read.error !== undefined ? read.error : packShape(read.value, file);
    if (typeof shape === 'string') this.problems.push({ file, where: 'file', message: shape });
    const raw = typeof shape === 'string' ? [] : shape.raw;
    const bySymbol = new Map<string, number[]>();
    const byNumber = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, i: number): void => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    raw.forEach((item, i) => {
      if (!isRecord(item) || typeof item.symbol !== 'string') return;
      add(bySymbol, item.symbol.normalize('NFC').toUpperCase(), i);
      add(byNumber, `${String(item.kind)}:${stripZeros(leadingNumber(item.symbol))}`, i);
    });
    const pack: LoadedPack = { file, raw, via: typeof shape === 'string' ? '' : shape.via, bySymbol, byNumber, made: new Map() };
    this.loaded.set(file, pack);
    return pack;
  }
}

/** A pack entry gives way to a hand entry of its symbol when they are one document (same date, or a symbol with its year). */
function shadowed(e: CatalogEntry, own: readonly CatalogEntry[]): boolean {
  return own.some((o) => (o.symbol ?? o.id).toUpperCase() === (e.symbol ?? e.id).toUpperCase() && (/\/\d{4}\//u.test(e.symbol ?? '') || !o.date || !e.date || e.date.startsWith(o.date) || o.date.startsWith(e.date)));
}

function leadingNumber(symbol: string): string {
  return /^\d+/u.exec(symbol)?.[0] ?? '';
}

/** A number without its leading zeros (`05` → `5`), for comparing document numbers. */
export function stripZeros(n: string): string {
  return n.replace(/^0+(?=\d)/u, '');
}
