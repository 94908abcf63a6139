import { stripZeros, type Catalog, type CatalogEntry } from './catalog';
import { isPartyEntry, statedDate, topicScore, topicWords } from './context';
import type { Mention } from './find';

/** How a mention resolved. */
export type Resolution =
  | { readonly status: 'resolved'; readonly id: string; readonly entry?: CatalogEntry; readonly province?: string }
  | { readonly status: 'ambiguous'; readonly candidates: readonly CatalogEntry[] }
  | { readonly status: 'unknown'; readonly reason: UnknownReason };

/** Why a mention stayed unknown, as a typed code; adapters render it in the interface language. */
export type UnknownReason =
  | { readonly code: 'no-number' }
  | { readonly code: 'no-province' }
  | { readonly code: 'symbol-not-catalogued'; readonly symbol: string }
  | { readonly code: 'number-not-catalogued'; readonly kind: string; readonly number: string }
  | { readonly code: 'plenum-not-catalogued'; readonly plenum: string; readonly term?: string }
  /** The text states an issue date that no catalogued candidate has (`numberKnown`: some entry has the number). */
  | { readonly code: 'other-issue-date'; readonly stated: string; readonly numberKnown: boolean; readonly otherwise: UnknownReason };

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
  /** Whether the article reads as Party work or State administration. */
  readonly family?: 'party' | 'state';
  /** The original text, to read the words after a mention. */
  readonly text?: string;
}

const PARTY_ISSUERS = /bộ chính trị|ban bí thư|trung ương/u;
const STATE_ISSUERS = /chính phủ|thủ tướng|quốc hội/u;

/** Resolves every mention in order, so a later bare "Nghị quyết 35" follows an earlier full mention. */
export function resolveMentions(mentions: readonly Mention[], ctx: ResolveContext): ResolvedMention[] {
  const earlier = new Map<string, string>();
  return mentions.map((mention) => {
    const resolution = resolveMention(mention, ctx, earlier);
    if (resolution.status === 'resolved' && mention.kind && mention.number) earlier.set(`${mention.kind}:${stripZeros(mention.number)}`, resolution.id);
    return { mention, resolution };
  });
}

/** Resolves one mention against the catalog and the article. */
export function resolveMention(mention: Mention, ctx: ResolveContext, earlier: ReadonlyMap<string, string> = new Map()): Resolution {
  switch (mention.type) {
    case 'document':
      return resolveDocument(mention, ctx, earlier);
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
        : { status: 'resolved', id: mention.ordinal ? `award:${mention.key}:${mention.ordinal}` : `award:${mention.key}`, ...entryOf(ctx, `award:${mention.key}`) };
  }
}

function resolveDocument(mention: Mention, ctx: ResolveContext, earlier: ReadonlyMap<string, string>): Resolution {
  if (mention.symbol) {
    const exact = ctx.catalog.get(mention.symbol);
    const notCatalogued: UnknownReason = { code: 'symbol-not-catalogued', symbol: mention.symbol };
    if (exact) return choose([exact], ctx, notCatalogued, mention);
    const sameSymbol = ctx.catalog.entries.filter((e) => e.symbol?.toUpperCase() === mention.symbol);
    return choose(sameSymbol, ctx, notCatalogued, mention);
  }
  if (!mention.kind || !mention.number) return { status: 'unknown', reason: { code: 'no-number' } };
  const previous = earlier.get(`${mention.kind}:${stripZeros(mention.number)}`);
  if (previous) return byId(ctx, previous);
  let candidates = ctx.catalog.findByNumber(mention.kind, mention.number);
  if (mention.issuer && PARTY_ISSUERS.test(mention.issuer)) candidates = candidates.filter(isPartyEntry);
  else if (mention.issuer && STATE_ISSUERS.test(mention.issuer)) candidates = candidates.filter((c) => !isPartyEntry(c));
  else if (ctx.family) {
    const sameFamily = candidates.filter((c) => isPartyEntry(c) === (ctx.family === 'party'));
    if (sameFamily.length > 0) candidates = sameFamily;
  }
  return choose(candidates, ctx, { code: 'number-not-catalogued', kind: mention.kind, number: mention.number }, mention);
}

function resolvePlenum(mention: Mention, ctx: ResolveContext): Resolution {
  const candidates = ctx.catalog.entries.filter(
    (e) => e.kind === 'nghị quyết' && e.plenum === mention.plenum && (!mention.term || e.term === mention.term),
  );
  return choose(candidates, ctx, { code: 'plenum-not-catalogued', plenum: mention.plenum ?? '', ...(mention.term ? { term: mention.term } : {}) }, mention);
}

function resolveCongress(mention: Mention, ctx: ResolveContext): Resolution {
  const prefix = mention.type === 'congress' ? 'congress' : 'congress-resolution';
  if (mention.level === 'national') return byId(ctx, `${prefix}:national:${mention.ordinal}`);
  return resolveLocal(ctx, `${prefix}:province`, mention, `:${mention.ordinal}`);
}

function resolveLocal(ctx: ResolveContext, base: string, mention: Mention, suffix = ''): Resolution {
  if (base.endsWith(':national')) return byId(ctx, base);
  const province = mention.province ?? ctx.province;
  if (!province) return { status: 'unknown', reason: { code: 'no-province' } };
  const id = `${base}:${province}${suffix}`;
  return { status: 'resolved', id, province, ...entryOf(ctx, id) };
}

/**
 * Picks among candidates as a careful reader would: a document cannot be cited before it was issued,
 * and the topic words after the mention ("về …") must fit the title; otherwise the mention stays ambiguous.
 */
function choose(candidates: readonly CatalogEntry[], ctx: ResolveContext, reason: UnknownReason, mention: Mention): Resolution {
  const following = ctx.text?.slice(mention.span.end, mention.span.end + 240) ?? '';
  const preceding = ctx.text?.slice(Math.max(0, mention.span.start - 120), mention.span.start) ?? '';
  const stated = statedDate(following, preceding);
  if (stated) {
    // The text gives the issue date: only an entry of that date (or, if the entry knows less, that year or month) fits.
    const fits = candidates.filter((c) => c.date !== undefined && stated.startsWith(c.date));
    if (fits.length === 0) return { status: 'unknown', reason: { code: 'other-issue-date', stated, numberKnown: candidates.length > 0, otherwise: reason } };
    candidates = fits;
  }
  const dated = ctx.articleDate ? candidates.filter((c) => !c.date || c.date <= (ctx.articleDate ?? '')) : candidates;
  let pool = dated.length > 0 ? dated : candidates;
  if (pool.length > 1 && ctx.text) {
    const topic = topicWords(following);
    const scored = pool.map((c) => ({ c, score: topicScore(c, topic) })).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= 2 && best.score > (second?.score ?? 0)) pool = [best.c];
  }
  const first = pool[0];
  if (pool.length === 1 && first) return { status: 'resolved', id: first.id, entry: first };
  if (pool.length > 1) return { status: 'ambiguous', candidates: pool };
  return { status: 'unknown', reason };
}

function byId(ctx: ResolveContext, id: string): Resolution {
  return { status: 'resolved', id, ...entryOf(ctx, id) };
}

function entryOf(ctx: ResolveContext, id: string): { entry?: CatalogEntry } {
  const entry = ctx.catalog.get(id);
  return entry ? { entry } : {};
}

