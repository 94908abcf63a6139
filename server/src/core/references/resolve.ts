import { stripZeros, type Catalog, type CatalogEntry } from './catalog';
import { isPartyEntry, statedDate, topicScore, topicWords } from './context';
import type { Mention } from './find';
import { deriveSymbol, issuerLevel, matchesLevel, termAt, type IssuerLevel } from './period';
import type { SymbolInfo } from './symbol';
import { runToEnd } from '../steps';

/** One document a mention may name: a catalog entry, or a symbol the article itself writes. */
export interface Candidate {
  readonly id: string;
  readonly entry?: CatalogEntry;
}

/** How a mention resolved; `confidence` is 0–1, how sure the resolution is. */
export type Resolution =
  | { readonly status: 'resolved'; readonly id: string; readonly entry?: CatalogEntry; readonly province?: string; readonly confidence: number; readonly basis?: string; readonly mirrors?: CatalogEntry }
  | { readonly status: 'ambiguous'; readonly candidates: readonly Candidate[]; readonly confidence: number }
  | {
      readonly status: 'unknown';
      readonly reason: UnknownReason;
      readonly confidence: number;
      /** A symbol the mention names but the catalog lacks: written, from the article, or by the numbering rules. */
      readonly symbol?: { readonly id: string; readonly info?: SymbolInfo; readonly basis: 'written' | 'article' | 'rule' };
    };

/** Why a mention stayed unknown, as a typed code; adapters render it in the interface language. */
export type UnknownReason =
  | { readonly code: 'no-number' }
  | { readonly code: 'no-province' }
  | { readonly code: 'symbol-not-catalogued'; readonly symbol: string }
  | { readonly code: 'number-not-catalogued'; readonly kind: string; readonly number: string }
  | { readonly code: 'plenum-not-catalogued'; readonly plenum: string; readonly term?: string }
  /** The text states an issue date that no catalogued candidate has (`numberKnown`: some entry has the number). */
  | { readonly code: 'other-issue-date'; readonly stated: string; readonly numberKnown: boolean; readonly otherwise: UnknownReason }
  /** Only one document of that number is catalogued, from a pack that does not hold every one, and nothing dates the mention. */
  | { readonly code: 'number-partly-catalogued'; readonly kind: string; readonly number: string; readonly likely: string };

/** A mention with what it resolved to. */
export interface ResolvedMention {
  readonly mention: Mention;
  readonly resolution: Resolution;
}

/** What resolution may consult besides the catalog. */
export interface ResolveContext {
  readonly catalog: Catalog;
  /** The article's province, for province-level bodies and congresses. */
  readonly province?: string;
  /** The article's date (ISO), so a document issued later is not a candidate. */
  readonly articleDate?: string;
  /** The latest year the article names, an estimate of its period when it has no date. */
  readonly latestYear?: number;
  /** Whether the article reads as Party work or State administration. */
  readonly family?: 'party' | 'state';
  /** The original text, to read the words after a mention. */
  readonly text?: string;
}

/** What the whole article says about one kind and number: the symbols it writes and the issuers it names. */
interface ArticleFacts {
  readonly symbols: Map<string, SymbolInfo>;
  readonly issuers: Set<string>;
  readonly terms: Set<string>;
}

function keyOf(mention: Mention): string | undefined {
  const kind = mention.kind ?? mention.kindWord;
  return kind && mention.number ? `${kind}:${stripZeros(mention.number)}` : undefined;
}

function gather(mentions: readonly Mention[]): Map<string, ArticleFacts> {
  const facts = new Map<string, ArticleFacts>();
  for (const m of mentions) {
    const key = m.type === 'document' ? keyOf(m) : undefined;
    if (!key) continue;
    const f = facts.get(key) ?? { symbols: new Map(), issuers: new Set(), terms: new Set() };
    if (m.symbolInfo) f.symbols.set(m.symbolInfo.symbol, m.symbolInfo);
    if (m.issuer) f.issuers.add(m.issuer);
    if (m.term) f.terms.add(m.term);
    facts.set(key, f);
  }
  return facts;
}

/** Resolves every mention; a short form ("Chỉ thị 05") uses what the whole article says about that number. */
export function resolveMentions(mentions: readonly Mention[], ctx: ResolveContext): ResolvedMention[] {
  return runToEnd(resolveMentionsSteps(mentions, ctx));
}

/** How many mentions `resolveMentionsSteps` resolves between two yields. */
const MENTIONS_PER_STEP = 500;

/** One resolved mention with what its resolution read besides the catalog, the context and the text around it. */
interface MemoEntry {
  /** The mention and its resolution, as the analysis reports them. */
  readonly resolved: ResolvedMention;
  /** The mention's kind and number, and what the article says of them (none for other mentions), as compared between versions. */
  readonly key: string | undefined;
  readonly facts: ArticleFacts | undefined;
}

/** How many characters at the start and at the end of the text are those of the previous version. */
export interface SameText {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The resolutions of one analysis, in document order, with what each one read. The next version of the document,
 * resolved in the same context, keeps the resolution of every mention before and after its edit that reads the same:
 * the same fields and facts, with the words around it (`around`) inside the text the edit left as it was. An edit
 * changes few mentions, and resolving one against the catalog costs far more than checking.
 */
export class ResolutionMemo {
  private readonly entries: MemoEntry[] = [];

  private constructor(
    private readonly catalog: Catalog, private readonly context: string, private readonly textLength: number,
    private readonly same: SameText, private earlier?: ResolutionMemo,
  ) {}

  /**
   * A memo for resolving with `ctx`, reusing `previous` when it was made with the same catalog and context for the
   * version of the text that shares `same` with this one.
   */
  static after(ctx: ResolveContext, previous?: ResolutionMemo, same: SameText = { prefix: 0, suffix: 0 }): ResolutionMemo {
    const context = JSON.stringify([ctx.province, ctx.articleDate, ctx.latestYear, ctx.family, Boolean(ctx.text)]);
    const kept = previous && previous.catalog === ctx.catalog && previous.context === context;
    return new ResolutionMemo(ctx.catalog, context, ctx.text?.length ?? 0, same, kept ? previous : undefined);
  }

  /**
   * Compares `mentions` (in document order) with the earlier memo's entries from each end, and gives a function that
   * resolves the mention at an index into this memo, keeping the earlier entry where the mention reads the same.
   */
  resolverFor(mentions: readonly Mention[], ctx: ResolveContext, facts: ReadonlyMap<string, ArticleFacts>): (index: number) => ResolvedMention {
    const keyFor = (mention: Mention, earlierEntry?: MemoEntry): string | undefined =>
      earlierEntry?.resolved.mention === mention ? earlierEntry.key : mention.type === 'document' ? keyOf(mention) : undefined;
    // An earlier version's facts about a kind and number are one object, so they are compared once.
    const compared = new Map<ArticleFacts, boolean>();
    const sameFactsAs = (entry: MemoEntry, mention: Mention): boolean => {
      const key = keyFor(mention, entry);
      const now = key === undefined ? undefined : facts.get(key);
      if (!entry.facts || !now) return entry.facts === now;
      let same = compared.get(entry.facts);
      if (same === undefined) {
        same = sameFacts(entry.facts, now);
        compared.set(entry.facts, same);
      }
      return same;
    };
    const earlier = this.earlier?.entries ?? [];
    const shift = this.textLength - (this.earlier?.textLength ?? 0);
    // Held only while resolving: a memo chained to every earlier one would keep every earlier text alive.
    this.earlier = undefined;
    // Text before `prefix` and from `suffixStart` on is the previous version's, shifted by `shift` after the edit.
    const { prefix } = this.same;
    const suffixStart = this.textLength - this.same.suffix;
    const count = mentions.length;
    const same = (e: MemoEntry | undefined, i: number, by: number): boolean => {
      const mention = mentions[i];
      return e !== undefined && mention !== undefined && sameEntry(e, mention, by) && sameFactsAs(e, mention);
    };
    let head = 0;
    while (head < count && head < earlier.length && same(earlier[head], head, 0) && readsBefore(mentions[head], prefix)) head++;
    let tail = 0;
    while (
      tail < count - head && tail < earlier.length - head
      && same(earlier[earlier.length - 1 - tail], count - 1 - tail, shift) && readsAfter(mentions[count - 1 - tail], suffixStart)
    ) tail++;
    return (index) => {
      const mention = mentions[index] as Mention;
      const kept = index < head ? earlier[index] : index >= count - tail ? earlier[earlier.length - count + index] : undefined;
      // An entry whose mention is the very same object (a line the edit left where it was) is kept as it is.
      const entry: MemoEntry = kept && kept.resolved.mention === mention
        ? kept
        : this.entryFor(mention, keyFor(mention), kept?.resolved.resolution ?? resolveMention(mention, ctx, facts), facts);
      this.entries[index] = entry;
      return entry.resolved;
    };
  }

  private entryFor(mention: Mention, key: string | undefined, resolution: Resolution, facts: ReadonlyMap<string, ArticleFacts>): MemoEntry {
    return { resolved: { mention, resolution }, key, facts: key === undefined ? undefined : facts.get(key) };
  }
}

/**
 * Whether the words `around` a mention reads lie in the text the edit left before it (`prefix` characters) or after it
 * (from `suffixStart`). Clipped at the text's start or end, they are clipped alike in both versions.
 */
function readsBefore(mention: Mention | undefined, prefix: number): boolean {
  return mention !== undefined && mention.span.end + FOLLOWING <= prefix;
}

function readsAfter(mention: Mention | undefined, suffixStart: number): boolean {
  return mention !== undefined && mention.span.start - PRECEDING >= suffixStart;
}

/** Whether an earlier entry's mention reads as this one does, its span moved by `shift`. */
function sameEntry(entry: MemoEntry, mention: Mention, shift: number): boolean {
  const before = entry.resolved.mention;
  if (before.span.start + shift !== mention.span.start || before.span.end + shift !== mention.span.end) return false;
  if (before === mention) return true;
  // A mention's fields come from the per-line memo, so an unchanged line gives the very same values.
  let fields = 0;
  for (const k in mention) {
    fields++;
    if (k !== 'span' && before[k as keyof Mention] !== mention[k as keyof Mention]) return false;
  }
  return fields === Object.keys(before).length;
}

/** Whether two versions' facts about a kind and number say the same, in the same order. */
function sameFacts(a: ArticleFacts, b: ArticleFacts): boolean {
  if (a.symbols.size !== b.symbols.size || a.issuers.size !== b.issuers.size || a.terms.size !== b.terms.size) return false;
  return sameInOrder(a.symbols, b.symbols, (x, y) => x[0] === y[0] && (x[1] === y[1] || JSON.stringify(x[1]) === JSON.stringify(y[1])))
    && sameInOrder(a.issuers, b.issuers, (x, y) => x === y) && sameInOrder(a.terms, b.terms, (x, y) => x === y);
}

function sameInOrder<T>(a: Iterable<T>, b: Iterable<T>, same: (x: T, y: T) => boolean): boolean {
  const other = b[Symbol.iterator]();
  for (const x of a) {
    const y = other.next();
    if (y.done || !same(x, y.value)) return false;
  }
  return other.next().done === true;
}

/** `resolveMentions` in slices, yielding between them so a document with thousands of mentions does not hold the caller. */
export function* resolveMentionsSteps(mentions: readonly Mention[], ctx: ResolveContext, memo = ResolutionMemo.after(ctx)): Generator<string, ResolvedMention[]> {
  const facts = gather(mentions);
  const resolvedAt = memo.resolverFor(mentions, ctx, facts);
  // Comparing every mention with the earlier version's is a step of its own.
  if (mentions.length > MENTIONS_PER_STEP) yield 'mentions read';
  const resolved: ResolvedMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    if (i > 0 && i % MENTIONS_PER_STEP === 0) yield `resolution to mention ${i}`;
    resolved.push(resolvedAt(i));
  }
  return resolved;
}

/** The words after and before a mention that resolution reads for a stated date and the topic. */
function around(mention: Mention, ctx: ResolveContext): { following: string; preceding: string } {
  return {
    following: ctx.text?.slice(mention.span.end, mention.span.end + FOLLOWING) ?? '',
    preceding: ctx.text?.slice(Math.max(0, mention.span.start - PRECEDING), mention.span.start) ?? '',
  };
}

const FOLLOWING = 240;
const PRECEDING = 120;

/** Resolves one mention against the catalog and the article. */
export function resolveMention(mention: Mention, ctx: ResolveContext, facts: ReadonlyMap<string, ArticleFacts> = gather([mention])): Resolution {
  switch (mention.type) {
    case 'document':
      return resolveDocument(mention, ctx, facts);
    case 'plenum-resolution':
      return resolvePlenum(mention, ctx);
    case 'congress':
    case 'congress-resolution':
      return resolveCongress(mention, ctx);
    case 'organization':
      return resolveLocal(ctx, mention.level === 'national' ? 'organization:BCĐ35:national' : 'organization:BCĐ35:province', mention);
    case 'program':
      return byId(ctx, `programs:${mention.key}-${mention.number}`);
    case 'award':
      return mention.ordinal && ctx.catalog.get(`award:${mention.key}:${mention.ordinal}`)
        ? byId(ctx, `award:${mention.key}:${mention.ordinal}`)
        : { status: 'resolved', id: mention.ordinal ? `award:${mention.key}:${mention.ordinal}` : `award:${mention.key}`, confidence: 0.8, ...entryOf(ctx, `award:${mention.key}`) };
  }
}

/** Catalog entries carrying this symbol (ids may add a year where a Party symbol repeats across terms). */
function bySymbol(ctx: ResolveContext, symbol: string): CatalogEntry[] {
  return ctx.catalog.findBySymbol(symbol);
}

function resolveDocument(mention: Mention, ctx: ResolveContext, facts: ReadonlyMap<string, ArticleFacts>): Resolution {
  if (mention.symbolInfo) return resolveSymbol(mention.symbolInfo, mention, ctx, 'written');
  if (!mention.number) return { status: 'unknown', reason: { code: 'no-number' }, confidence: 0 };
  const key = keyOf(mention);
  const known = key ? facts.get(key) : undefined;
  // The issuer written with the mention decides; otherwise what the article says of that number elsewhere.
  const issuers = mention.issuer ? [mention.issuer] : [...(known?.issuers ?? [])];
  const levels = new Set(issuers.map(issuerLevel).filter((l): l is IssuerLevel => l !== undefined));
  // The article writes this number's full symbol elsewhere: that is the document, unless the issuer contradicts it.
  const written = [...(known?.symbols.values() ?? [])].filter((s) => levels.size === 0 || [...levels].some((l) => matchesLevel(s.symbol, l)));
  if (written.length === 1 && written[0]) return resolveSymbol(written[0], mention, ctx, 'article');
  if (written.length > 1) return { status: 'ambiguous', candidates: written.map((s) => ({ id: s.symbol, ...entryFor(ctx, s.symbol) })), confidence: 1 / written.length };
  if (!mention.kind) return { status: 'unknown', reason: { code: 'number-not-catalogued', kind: mention.kindWord ?? 'document', number: mention.number }, confidence: 0 };
  let candidates = ctx.catalog.findByNumber(mention.kind, mention.number);
  if (levels.size > 0) candidates = candidates.filter((c) => [...levels].some((l) => matchesLevel(c.symbol ?? c.id, l)));
  // "… của Bộ Chính trị" prefers the Politburo's document over the Central Committee's of the same number, when both fit.
  const sameBody = candidates.filter((c) => c.issuer !== undefined && issuers.some((i) => c.issuer?.toLowerCase().includes(i.replace(/^ban thường vụ /u, ''))));
  if (sameBody.length > 0 && sameBody.length < candidates.length) candidates = sameBody;
  else if (ctx.family) {
    const sameFamily = candidates.filter((c) => isPartyEntry(c) === (ctx.family === 'party'));
    if (sameFamily.length > 0) candidates = sameFamily;
  }
  const terms = new Set([...(mention.term ? [mention.term] : []), ...(known?.terms ?? [])]);
  if (terms.size > 0) {
    const sameTerm = candidates.filter((c) => c.term !== undefined && terms.has(c.term));
    if (sameTerm.length > 0) candidates = sameTerm;
  }
  // The packs hold the documents the Pháp điển cites, not every document of a number: a number alone picks none of them.
  // A hand-checked entry answers as before; among pack entries only a stated issue date decides, else it stays open.
  const hand = candidates.filter((c) => c.pack === undefined);
  if (hand.length < candidates.length && !statedFor(mention, ctx)) {
    if (hand.length > 0) candidates = hand;
    else {
      const pool = candidates.filter((c) => !ctx.articleDate || !c.date || c.date <= (ctx.articleDate ?? ''));
      if (pool.length > 1) return { status: 'ambiguous', candidates: pool.map((entry) => ({ id: entry.id, entry })), confidence: 1 / pool.length };
      const only = pool[0];
      if (only) return { status: 'unknown', reason: { code: 'number-partly-catalogued', kind: mention.kind, number: mention.number, likely: only.id }, confidence: 0.3 };
      candidates = [];
    }
  }
  const chosen = choose(candidates, ctx, mention);
  // A short form is never as sure as a written symbol.
  if (chosen.status === 'resolved') return { ...chosen, confidence: Math.min(chosen.confidence, 0.9) };
  if (chosen.status !== 'unknown' || candidates.length > 0) return chosen;
  // Nothing catalogued: the issuer and the numbering rules may still give the symbol (Party documents carry no year).
  const level = levels.size === 1 ? [...levels][0] : undefined;
  const derived = level ? deriveSymbol(mention.kind, mention.number, level) : undefined;
  if (derived) {
    return { status: 'unknown', reason: { code: 'symbol-not-catalogued', symbol: derived.symbol }, confidence: 0.6, symbol: { id: derived.symbol, info: derived, basis: 'rule' } };
  }
  return chosen;
}

function resolveSymbol(info: SymbolInfo, mention: Mention, ctx: ResolveContext, basis: 'written' | 'article'): Resolution {
  const entries = bySymbol(ctx, info.symbol);
  const chosen = choose(entries, ctx, mention);
  if (chosen.status === 'resolved') return { ...chosen, confidence: basis === 'written' ? chosen.confidence : chosen.confidence * 0.9, ...(basis === 'article' ? { basis: 'the article writes the full symbol' } : {}) };
  if (chosen.status === 'ambiguous') return chosen;
  const reason: UnknownReason = entries.length > 0 ? chosen.reason : { code: 'symbol-not-catalogued', symbol: info.symbol };
  return { status: 'unknown', reason, confidence: basis === 'written' ? 0.9 : 0.8, symbol: { id: info.symbol, info, basis } };
}

function resolvePlenum(mention: Mention, ctx: ResolveContext): Resolution {
  const candidates = ctx.catalog.entries.filter(
    (e) => e.kind === 'nghị quyết' && e.plenum === mention.plenum && (!mention.term || e.term === mention.term),
  );
  const chosen = choose(candidates, ctx, mention);
  if (chosen.status === 'unknown' && candidates.length === 0) {
    return { status: 'unknown', reason: { code: 'plenum-not-catalogued', plenum: mention.plenum ?? '', ...(mention.term ? { term: mention.term } : {}) }, confidence: 0 };
  }
  return chosen;
}

function resolveCongress(mention: Mention, ctx: ResolveContext): Resolution {
  const prefix = mention.type === 'congress' ? 'congress' : 'congress-resolution';
  if (mention.level === 'national') return byId(ctx, `${prefix}:national:${mention.ordinal}`);
  return resolveLocal(ctx, `${prefix}:province`, mention, `:${mention.ordinal}`);
}

function resolveLocal(ctx: ResolveContext, base: string, mention: Mention, suffix = ''): Resolution {
  if (base.endsWith(':national')) return byId(ctx, base);
  const province = mention.province ?? ctx.province;
  if (!province) return { status: 'unknown', reason: { code: 'no-province' }, confidence: 0 };
  const id = `${base}:${province}${suffix}`;
  // A province's own Steering Committee 35 mirrors the central one; without an entry for that body, the resolution it carries out stands in.
  const central = mention.type === 'organization' ? (ctx.catalog.get('organization:BCĐ35:national') ?? ctx.catalog.get('35-NQ/TW')) : undefined;
  return { status: 'resolved', id, province, confidence: mention.province ? 0.9 : 0.7, ...entryOf(ctx, id), ...(central ? { mirrors: central } : {}) };
}

/**
 * Picks among candidates as a careful reader would: the issue date written with the mention must match;
 * a document cannot be cited before it was issued; among several, the one of the term in office when the article
 * was written, or the one whose title fits the topic words after the mention ("về …"); otherwise it stays ambiguous.
 */
function choose(candidates: readonly CatalogEntry[], ctx: ResolveContext, mention: Mention): Resolution {
  const { following, preceding } = around(mention, ctx);
  const stated = mention.date ?? statedDate(following, preceding);
  let pool = [...candidates];
  if (stated && pool.length > 0) {
    // The text gives the issue date: only an entry of that date (or, if the entry knows less, that year or month) fits.
    const fits = pool.filter((c) => c.date !== undefined && stated.startsWith(c.date));
    if (fits.length === 0) return { status: 'unknown', reason: { code: 'other-issue-date', stated, numberKnown: candidates.length > 0, otherwise: notCatalogued(mention) }, confidence: 0 };
    pool = fits;
  }
  const before = ctx.articleDate ? pool.filter((c) => !c.date || c.date <= (ctx.articleDate ?? '')) : pool;
  if (before.length > 0) pool = before;
  const period = ctx.articleDate ?? (ctx.latestYear !== undefined ? `${ctx.latestYear}-06-30` : undefined);
  if (pool.length > 1 && period) {
    const inOffice = pool.filter((c) => c.date !== undefined && termAt(c.date, isPartyEntry(c)) === termAt(period, isPartyEntry(c)));
    if (inOffice.length === 1) pool = inOffice;
  }
  if (pool.length > 1 && ctx.text) {
    const topic = topicWords(following);
    const scored = pool.map((c) => ({ c, score: topicScore(c, topic) })).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= 2 && best.score > (second?.score ?? 0)) pool = [best.c];
  }
  const first = pool[0];
  if (pool.length === 1 && first) return { status: 'resolved', id: first.id, entry: first, confidence: candidates.length === 1 ? 1 : 0.8 };
  if (pool.length > 1) return { status: 'ambiguous', candidates: pool.map((entry) => ({ id: entry.id, entry })), confidence: 1 / pool.length };
  return { status: 'unknown', reason: notCatalogued(mention), confidence: 0 };
}

/** What a mention names that the catalog lacks: its symbol, or its kind and number. */
function notCatalogued(mention: Mention): UnknownReason {
  if (mention.symbol) return { code: 'symbol-not-catalogued', symbol: mention.symbol };
  if (mention.type === 'plenum-resolution') return { code: 'plenum-not-catalogued', plenum: mention.plenum ?? '', ...(mention.term ? { term: mention.term } : {}) };
  return { code: 'number-not-catalogued', kind: mention.kind ?? mention.kindWord ?? 'document', number: mention.number ?? '' };
}

/** The issue date the text writes with a mention ("… ngày 11/1/2017"), if any. */
function statedFor(mention: Mention, ctx: ResolveContext): string | undefined {
  const { following, preceding } = around(mention, ctx);
  return mention.date ?? statedDate(following, preceding);
}

function byId(ctx: ResolveContext, id: string): Resolution {
  const entry = ctx.catalog.get(id);
  return { status: 'resolved', id, confidence: entry ? 1 : 0.7, ...(entry ? { entry } : {}) };
}

function entryOf(ctx: ResolveContext, id: string): { entry?: CatalogEntry } {
  const entry = ctx.catalog.get(id);
  return entry ? { entry } : {};
}

function entryFor(ctx: ResolveContext, symbol: string): { entry?: CatalogEntry } {
  const [entry, other] = bySymbol(ctx, symbol);
  return entry && !other ? { entry } : {};
}
