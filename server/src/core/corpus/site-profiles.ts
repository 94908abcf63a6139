/**
 * Site profiles: files grouped by the chrome they share, and each group's chrome (the lines its pages repeat).
 *
 * A site's pages share menus, footers and widgets line for line, while two different sites share only a few generic
 * words ("Thể thao", "Video"). So a file joins a site when the lines it shares with other files are mostly the
 * site's signature (Jaccard similarity); folders play no part, so two sites in one folder separate and one site
 * spread over several folders stays one site. Works on line hashes only (as the line-frequency index stores them),
 * in time linear in the lines times the sites a line belongs to.
 */
import { runToEnd } from '../steps';

/** A line a site repeats across its pages. */
export interface ChromeLine {
  readonly hash: number;
  /** How many of the site's pages hold it. */
  readonly pages: number;
  /** The line as written in one of the pages, when a caller filled it in. */
  readonly text?: string;
}

/** One site: its pages and its chrome. */
export interface SiteProfile {
  /** A name from the pages' common file-name stem or folder, else "site N". */
  readonly name: string;
  readonly files: readonly string[];
  /** Chrome lines in page order; empty when the site has fewer pages than `MIN_SITE_PAGES`. */
  readonly chrome: readonly ChromeLine[];
}

/** The sites of a corpus. */
export interface SiteProfiles {
  /** Groups of two files or more, largest first. */
  readonly sites: readonly SiteProfile[];
  readonly fileCount: number;
  /** Files that share too little with any other file to belong to a site. */
  readonly ungrouped: number;
}

/** A site needs this many pages before any of its lines counts as its chrome. */
export const MIN_SITE_PAGES = 3;
/** A chrome line is in at least this many pages of its site… */
const MIN_CHROME_PAGES = 3;
/** …and at least this share of them. */
const MIN_CHROME_SHARE = 0.3;
/** A file joins a site when the Jaccard similarity of its shared lines and the site's signature reaches this… */
export const MIN_SIMILARITY = 0.4;
/** …and they have at least this many lines in common. */
export const MIN_COMMON_LINES = 3;

/** A growing group of files and its signature: the lines most of its members hold, refreshed each time it doubles. */
interface Group {
  readonly files: string[];
  readonly counts: Map<number, number>;
  signature: Set<number>;
  refreshedAt: number;
}

/** What profiles are computed from: files with their distinct line hashes, as the line-frequency index holds them. */
export interface LineSets {
  files(): Iterable<string>;
  /** The file's distinct line hashes. */
  hashesOf(file: string): Uint32Array;
  /** How many of the files hold the line hash. */
  filesWithHash(hash: number): number;
}

/** Line sets over (file, hashes) pairs, counting each hash's files. */
export function lineSetsOf(entries: Iterable<readonly [string, Uint32Array]>): LineSets {
  const byFile = new Map(entries);
  const df = new Map<number, number>();
  for (const hashes of byFile.values()) for (const h of hashes) df.set(h, (df.get(h) ?? 0) + 1);
  return { files: () => byFile.keys(), hashesOf: (file) => byFile.get(file) ?? new Uint32Array(), filesWithHash: (h) => df.get(h) ?? 0 };
}

/** Files handled between two yields of `siteProfileSteps`. */
const FILES_PER_STEP = 500;

/**
 * Groups files into sites by the lines they share and finds each site's chrome.
 * `entries` are (file, distinct line hashes) pairs as the line-frequency index holds them; the output is
 * deterministic (files in path order, sites by size then first file). Files that share no line with any other
 * file form no site and are left out.
 */
export function computeSiteProfiles(lines: LineSets | Iterable<readonly [string, Uint32Array]>): SiteProfiles {
  return runToEnd(siteProfileSteps(lines));
}

/** `computeSiteProfiles` in steps: yields every few thousand files, so an adapter can keep answering requests. */
export function* siteProfileSteps(input: LineSets | Iterable<readonly [string, Uint32Array]>): Generator<void, SiteProfiles> {
  const lines = 'hashesOf' in input ? input : lineSetsOf(input);
  // Paths only, sorted: each file's hashes are looked up when needed, so nothing per file is copied.
  const files = [...lines.files()].sort(compare);
  const groups: Group[] = [];
  const groupsWith = new Map<number, Set<number>>();
  for (let i = 0; i < files.length; i++) {
    if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
    const file = files[i] ?? '';
    const shared = lines.hashesOf(file).filter((h) => lines.filesWithHash(h) >= 2);
    // Too few to have MIN_COMMON_LINES in common with any signature, or to seed one another file could join: a group
    // made for such a file would stay alone, while a corpus of many such files would make one group each.
    if (shared.length < MIN_COMMON_LINES) continue;
    let index = bestGroup(shared, groups, groupsWith);
    if (index === undefined) {
      index = groups.length;
      groups.push({ files: [], counts: new Map(), signature: new Set(), refreshedAt: 0 });
    }
    const group = groups[index];
    if (!group) continue;
    group.files.push(file);
    for (const h of shared) group.counts.set(h, (group.counts.get(h) ?? 0) + 1);
    if (group.files.length >= 2 * group.refreshedAt || group.refreshedAt === 0) refreshSignature(group, index, groupsWith);
  }
  const sites: { files: readonly string[]; chrome: ChromeLine[] }[] = [];
  for (const g of groups) {
    if (g.files.length < 2) continue;
    sites.push({ files: g.files, chrome: chromeOf(g.files, lines) });
    if (g.files.length >= FILES_PER_STEP) yield;
  }
  sites.sort((a, b) => b.files.length - a.files.length || compare(a.files[0] ?? '', b.files[0] ?? ''));
  return { sites: nameSites(sites), fileCount: files.length, ungrouped: files.length - sites.reduce((n, s) => n + s.files.length, 0) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The group whose signature is most like the file's shared lines, if any is like enough. */
function bestGroup(shared: Uint32Array, groups: readonly Group[], groupsWith: ReadonlyMap<number, ReadonlySet<number>>): number | undefined {
  const common = new Map<number, number>();
  for (const h of shared) for (const g of groupsWith.get(h) ?? []) common.set(g, (common.get(g) ?? 0) + 1);
  let best: number | undefined;
  let bestScore = MIN_SIMILARITY;
  for (const [index, count] of common) {
    const size = groups[index]?.signature.size ?? 0;
    const score = count / (shared.length + size - count);
    if (count >= MIN_COMMON_LINES && score >= bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/** Recomputes a group's signature (lines in more than half of its files; all of them for one file). */
function refreshSignature(group: Group, index: number, groupsWith: Map<number, Set<number>>): void {
  for (const h of group.signature) groupsWith.get(h)?.delete(index);
  const n = group.files.length;
  group.signature = new Set([...group.counts].filter(([, c]) => n === 1 || c * 2 > n).map(([h]) => h));
  group.refreshedAt = n;
  for (const h of group.signature) {
    const set = groupsWith.get(h);
    if (set) set.add(index);
    else groupsWith.set(h, new Set([index]));
  }
}

/** Lines in enough of the group's pages, in the order the pages show them. */
function chromeOf(files: readonly string[], lines: LineSets): ChromeLine[] {
  if (files.length < MIN_SITE_PAGES) return [];
  const counts = new Map<number, number>();
  const order = new Map<number, number>();
  for (const file of files) {
    for (const h of lines.hashesOf(file)) {
      counts.set(h, (counts.get(h) ?? 0) + 1);
      if (!order.has(h)) order.set(h, order.size);
    }
  }
  const min = Math.max(MIN_CHROME_PAGES, Math.ceil(files.length * MIN_CHROME_SHARE));
  const chrome: ChromeLine[] = [];
  for (const [hash, pages] of counts) if (pages >= min) chrome.push({ hash, pages });
  return chrome.sort((a, b) => (order.get(a.hash) ?? 0) - (order.get(b.hash) ?? 0));
}

/** Names each site by its files' common name stem ("dantri" of dantri-1.txt…), else their common folder, else "site N". */
function nameSites(sites: readonly { files: readonly string[]; chrome: ChromeLine[] }[]): SiteProfile[] {
  const used = new Map<string, number>();
  return sites.map((site, i) => {
    const base = stemOf(site.files) ?? folderOf(site.files) ?? `site ${i + 1}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { name: n === 1 ? base : `${base} (${n})`, files: site.files, chrome: site.chrome };
  });
}

/** The file-name stem most of the files share (at least half of them), if any. */
function stemOf(files: readonly string[]): string | undefined {
  return majority(files.map((f) => /^(\p{L}[\p{L}\p{M}.]*?)(?:[-_ ]?\d|[-_ ]|$)/u.exec(f.split(/[\\/]/u).pop() ?? '')?.[1]?.toLowerCase() ?? ''), 3);
}

/** The value at least half of the values share (the smallest on a tie), if any. */
function majority(values: readonly string[], minLength: number): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v.length >= minLength) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best !== undefined && bestCount * 2 >= values.length ? best : undefined;
}

/** The folder most of the files are in, if any. */
function folderOf(files: readonly string[]): string | undefined {
  return majority(files.map((f) => f.split(/[\\/]/u).slice(-2, -1)[0] ?? ''), 1);
}
