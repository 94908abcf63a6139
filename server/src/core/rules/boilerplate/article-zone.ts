/**
 * Where the article is on a scraped page: its headline, then the run of prose lines (sapo and paragraphs),
 * then the byline. A naive page-to-text scrape puts the site's menus before it and its related lists,
 * widgets and footer after it; those lines are told apart by position, not by wording.
 */
import type { ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';
import { isBylineLike, isBylineLine, isDateLike, wordCount } from './line-shapes';
import { isKnownChrome, isKnownChromeLine } from './known-chrome';
import { isRelatedHeader } from './related-header';

/** The article's lines: `first` (the headline, or the first prose line) to `last` (its last prose line or byline). */
export interface ArticleZone {
  readonly first: number;
  readonly last: number;
  /** The headline's line, when one was found above the prose. */
  readonly headline?: number;
  /** Number of prose lines in the zone. */
  readonly proseLines: number;
}

/** The thresholds that find the article; hand-set (see docs/rules/boilerplate-outside-article.md), swept by eval/zone-holdout.mjs. */
export interface ZoneParameters {
  /** Ordinary lines a run of paragraphs may hold between two of its paragraphs (captions, sub-headings). */
  readonly maxGap: number;
  /** Non-blank lines above the first paragraph searched for the headline (dateline, tag, caption). */
  readonly headlineReach: number;
  /** Byline, credit, source or date lines and closing sentences taken into the zone after its last paragraph. */
  readonly trailerReach: number;
  /** Ordinary lines two runs of prose may have between them and still be one article. */
  readonly maxJoinGap: number;
  /** How many times heavier a run without a headline must be to be taken over one with a headline. */
  readonly headlessAdvantage: number;
  /** A prose line has at least this many characters and `proseMinWords` words, or `proseLongChars` characters. */
  readonly proseMinChars: number;
  readonly proseMinWords: number;
  readonly proseLongChars: number;
}

/** The parameters the rules use. */
export const DEFAULT_ZONE_PARAMETERS: ZoneParameters = Object.freeze({
  maxGap: 3,
  headlineReach: 6,
  trailerReach: 3,
  maxJoinGap: 8,
  headlessAdvantage: 3,
  proseMinChars: 50,
  proseMinWords: 9,
  proseLongChars: 160,
});

const BREAK = /[.!?]\s+\p{L}/gu;
const THREE_LETTERS_BEFORE = /\p{L}{3}$/u;

/**
 * A full stop inside a folded line, after a word of three letters or more (not "tp. hồ chí minh", "ts. nguyễn"):
 * what `/\p{L}{3,}[.!?]\s+\p{L}/u` tests, found from the stops, since that pattern tries every letter of the line.
 */
function hasSentenceBreak(key: string): boolean {
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(key); m; m = BREAK.exec(key)) {
    // Three code points before the stop lie within its six code units.
    if (THREE_LETTERS_BEFORE.test(key.slice(Math.max(0, m.index - 6), m.index))) return true;
    BREAK.lastIndex = m.index + 1;
  }
  return false;
}

const proseWithDefaults = new LineMemo((key: string) => isProseLine(key, DEFAULT_ZONE_PARAMETERS));

/** A line of article prose: a sentence of some length, or a long line. */
export function isProse(key: string, p: ZoneParameters = DEFAULT_ZONE_PARAMETERS): boolean {
  return p === DEFAULT_ZONE_PARAMETERS ? proseWithDefaults.get(key) : isProseLine(key, p);
}

function isProseLine(key: string, p: ZoneParameters): boolean {
  if (key.length >= p.proseLongChars) return true;
  if (key.length < p.proseMinChars || wordCount(key) < p.proseMinWords) return false;
  // A headline, however long, has no full stop; body sentences end with one (or a quote or a colon).
  return /[.!?…:;"”»)]$/u.test(key) || hasSentenceBreak(key);
}

/** A body sentence, never a headline: a full stop at the end or inside, or a line too long for a title. A headline may end in ?, ! or a quote. */
function isSentence(key: string, p: ZoneParameters): boolean {
  return key.length >= p.proseLongChars || /[.…:;]$/u.test(key) || hasSentenceBreak(key);
}

/** A headline: several words, not the start of a sentence the scraper broke, not a header of a related list. */
function isHeadlineLike(doc: ArticleText, line: number): boolean {
  const key = doc.lineKey(line);
  const words = wordCount(key);
  if (words < 4 || key.length > 250 || /[,;]$/u.test(key) || isRelatedHeader(key) || isDateLike(key) || isBylineLine(doc, line)) return false;
  const next = nextNonBlank(doc, line);
  return next === undefined || !isFragment(doc.lineText(next));
}

/**
 * A credit line after the article: a few capitalised words, maybe with an agency ("Huy Sơn/VOV - TPHCM"),
 * or a byline followed by the writer's office ("Minh Anh - Văn phòng UBND tỉnh").
 */
function isCreditLine(raw: string): boolean {
  const line = raw.normalize('NFC').trim();
  if (isBylineLike(line)) return true;
  const [name, office] = line.split(/\s[-–]\s|\s*\/\s*/u);
  if (name !== undefined && office !== undefined && isBylineLike(name) && line.length <= 80 && !/[.!?;]$/u.test(line)) return true;
  const words = line.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return line.length <= 60 && words.length >= 1 && words.length <= 8 && !/[.!?,:;]/u.test(line) && words.every((w) => /^[(“"]?\p{Lu}/u.test(w));
}

const zones = new WeakMap<ArticleText, ArticleZone | null>();

/** The article's zone on this page, or undefined when the page holds no prose at all. */
export function findArticleZone(doc: ArticleText, p: ZoneParameters = DEFAULT_ZONE_PARAMETERS): ArticleZone | undefined {
  if (p !== DEFAULT_ZONE_PARAMETERS) return computeZone(doc, p);
  let zone = zones.get(doc);
  if (zone === undefined) {
    zone = computeZone(doc, p) ?? null;
    zones.set(doc, zone);
  }
  return zone ?? undefined;
}

interface Cluster {
  first: number;
  last: number;
  prose: number;
  weight: number;
}

function computeZone(doc: ArticleText, p: ZoneParameters): ArticleZone | undefined {
  const clusters = findClusters(doc, p);
  const best = mergeNeighbours(doc, clusters, p);
  if (!best) return undefined;
  const headline = findHeadline(doc, best.first, p);
  let first = headline ?? best.first;
  // A headline repeated on the line above (a sticky title bar) belongs to the article too.
  const above = previousNonBlank(doc, first);
  if (above !== undefined && doc.lineKey(above) === doc.lineKey(first)) first = above;
  return { first, last: trailerEnd(doc, best.last, p), ...(headline !== undefined ? { headline } : {}), proseLines: best.prose };
}

/**
 * A piece of a sentence the scraper broke onto its own line (", ", "”.", "nhận xét: \"…"): it neither starts
 * nor interrupts a run of prose.
 */
function isFragment(raw: string): boolean {
  return fragments.get(raw);
}

const fragments = new LineMemo((raw: string): boolean => {
  const line = raw.normalize('NFC').trim();
  return !/\p{L}\p{M}*\p{L}/u.test(line) || /^[\p{Ll},.;:”»)]/u.test(line);
});

/** Runs of prose lines at most `maxGap` lines apart, with no known chrome line between them. */
function findClusters(doc: ArticleText, p: ZoneParameters): Cluster[] {
  const clusters: Cluster[] = [];
  let current: Cluster | undefined;
  let gap = 0;
  let previousWasProse = false;
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.isBlank(line)) continue;
    const key = doc.lineKey(line);
    if (p === DEFAULT_ZONE_PARAMETERS ? doc.keyValue(proseWithDefaults, line) : isProseLine(key, p)) {
      // Paragraphs follow each other; a teaser under each related title, or a comment under each name, stands
      // alone between short lines, so a prose line right after another weighs twice as much as a lone one.
      const weight = previousWasProse ? key.length : key.length / 2;
      if (current && gap <= p.maxGap) {
        current.last = line;
        current.prose++;
        current.weight += weight;
      } else {
        current = { first: line, last: line, prose: 1, weight };
        clusters.push(current);
      }
      gap = 0;
      previousWasProse = true;
      continue;
    }
    if (isKnownChromeLine(doc, line)) gap = p.maxGap + 1;
    else if (!doc.lineValue(fragments, line)) gap++;
    else continue;
    previousWasProse = false;
  }
  return clusters;
}

/**
 * The heaviest cluster, joined with neighbouring clusters when only a few ordinary lines (list items,
 * sub-headings, captions) and no known chrome lie between them: a listicle's sections are one article.
 */
function mergeNeighbours(doc: ArticleText, clusters: readonly Cluster[], p: ZoneParameters): Cluster | undefined {
  const bestIndex = pickCluster(doc, clusters, p);
  const best = clusters[bestIndex];
  if (!best) return undefined;
  const merged: Cluster = { ...best };
  for (let i = bestIndex + 1; i < clusters.length; i++) {
    const next = clusters[i];
    if (!next || !joinable(doc, merged.last, next.first, p)) break;
    Object.assign(merged, { last: next.last, prose: merged.prose + next.prose, weight: merged.weight + next.weight });
  }
  for (let i = bestIndex - 1; i >= 0; i--) {
    const previous = clusters[i];
    if (!previous || !joinable(doc, previous.last, merged.first, p)) break;
    Object.assign(merged, { first: previous.first, prose: merged.prose + previous.prose, weight: merged.weight + previous.weight });
  }
  return merged;
}

/**
 * The article's run: the heaviest run that has a headline above it, unless a run without one is more than
 * three times heavier. Reader comments and teaser lists can outweigh a short article, but they sit under
 * names and related headers, not under a headline.
 */
function pickCluster(doc: ArticleText, clusters: readonly Cluster[], p: ZoneParameters): number {
  let heaviest = -1;
  let headed = -1;
  clusters.forEach((c, i) => {
    if (heaviest < 0 || c.weight > (clusters[heaviest]?.weight ?? 0)) heaviest = i;
    if ((headed < 0 || c.weight > (clusters[headed]?.weight ?? 0)) && findHeadline(doc, c.first, p) !== undefined) headed = i;
  });
  const headedWeight = clusters[headed]?.weight ?? 0;
  return headed >= 0 && headedWeight * p.headlessAdvantage >= (clusters[heaviest]?.weight ?? 0) ? headed : heaviest;
}

/** True when the lines strictly between `from` and `to` are few and none is known chrome. */
function joinable(doc: ArticleText, from: number, to: number, p: ZoneParameters): boolean {
  let lines = 0;
  for (let line = from + 1; line < to; line++) {
    if (doc.isBlank(line)) continue;
    const key = doc.lineKey(line);
    if (isKnownChrome(key)) return false;
    if (!isFragment(doc.lineText(line)) && ++lines > p.maxJoinGap) return false;
  }
  return true;
}

/**
 * The headline among the few non-blank lines above the first paragraph: the headline-like line with the most
 * words (a category tag, a dateline, an author link or a phone line has fewer), not past a related-list header.
 * A caption or a sub-heading between the headline and the sapo stays inside the article either way.
 */
function findHeadline(doc: ArticleText, firstProse: number, p: ZoneParameters): number | undefined {
  let seen = 0;
  let found: number | undefined;
  let foundWords = 0;
  for (let line = firstProse - 1; line >= 0 && seen < p.headlineReach; line--) {
    if (doc.isBlank(line)) continue;
    seen++;
    const key = doc.lineKey(line);
    if (isRelatedHeader(key)) break;
    const words = letterWords(key);
    if (words > foundWords && !isSentence(key, p) && !isKnownChrome(key) && isHeadlineLike(doc, line)) {
      found = line;
      foundWords = words;
    }
  }
  return found ?? shortHeadline(doc, firstProse);
}

/**
 * A short headline ("Nhân sự mới") looks like a menu entry; it is taken only when it sits right above the first
 * paragraph and is neither known chrome, nor a dateline or byline, nor a single word.
 */
function shortHeadline(doc: ArticleText, firstProse: number): number | undefined {
  const line = previousNonBlank(doc, firstProse);
  if (line === undefined) return undefined;
  const key = doc.lineKey(line);
  const ok = letterWords(key) >= 2 && !/[,;]$/u.test(key) && !isKnownChrome(key) && !isDateLike(key) && !isBylineLine(doc, line);
  return ok ? line : undefined;
}

/** Words holding a letter: numbers, phone numbers and dashes do not count. */
function letterWords(key: string): number {
  return key.split(' ').filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * The last line of the article's close right after its last paragraph: bylines, source and date lines,
 * and short closing sentences ("Xin trân trọng cảm ơn!"), or the paragraph itself.
 */
function trailerEnd(doc: ArticleText, lastProse: number, p: ZoneParameters): number {
  let end = lastProse;
  let seen = 0;
  for (let line = lastProse + 1; line < doc.lineCount && seen < p.trailerReach; line++) {
    if (doc.isBlank(line)) continue;
    seen++;
    const key = doc.lineKey(line);
    if (isRelatedHeader(key) || !(isCreditLine(doc.lineText(line)) || isDateLike(key) || isClosingSentence(key))) break;
    end = line;
  }
  return end;
}

/** A short sentence that ends an article: a few words closed by a full stop or an exclamation mark. */
function isClosingSentence(key: string): boolean {
  return wordCount(key) >= 3 && /\p{Ll}[.!…]$/u.test(key) && !/^(xem|đọc) (thêm|tiếp)/u.test(key);
}

function nextNonBlank(doc: ArticleText, line: number): number | undefined {
  for (let l = line + 1; l < doc.lineCount; l++) if (!doc.isBlank(l)) return l;
  return undefined;
}

function previousNonBlank(doc: ArticleText, line: number): number | undefined {
  for (let l = line - 1; l >= 0; l--) if (!doc.isBlank(l)) return l;
  return undefined;
}
