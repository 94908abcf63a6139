import { hashKey } from './line-frequency';
import { MIN_COMMON_LINES, MIN_SIMILARITY, type SiteProfiles } from './site-profiles';

/** What the site-chrome rule needs: a document's site and how many of its pages hold a line. */
export interface SiteChromeLookup {
  /** The site of a file, by its path, or else by the chrome its lines cover. */
  siteOf(path: string | undefined, hashes: () => Uint32Array): SiteLookupEntry | undefined;
}

/** One site as the rule sees it. */
export interface SiteLookupEntry {
  readonly name: string;
  readonly pageCount: number;
  /** Pages of the site holding the line key; 0 when it is not the site's chrome. */
  pagesWith(key: string): number;
}

/**
 * A lookup over computed profiles, for analysis options. `profiled(path)` tells whether the profiles saw a file:
 * a file they saw and left out of every site belongs to none, while a page they never saw (a new file) is
 * matched to the site whose chrome makes up most of its lines.
 */
export function toSiteChromeLookup(profiles: SiteProfiles, profiled: (path: string) => boolean = () => false): SiteChromeLookup {
  const entries = profiles.sites.filter((p) => p.chrome.length > 0).map((p) => {
    const pages = new Map(p.chrome.map((c) => [c.hash, c.pages]));
    const entry: SiteLookupEntry = { name: p.name, pageCount: p.files.length, pagesWith: (key) => pages.get(hashKey(key)) ?? 0 };
    return { entry, files: p.files, pages };
  });
  const byFile = new Map<string, SiteLookupEntry>();
  for (const e of entries) for (const f of e.files) byFile.set(f, e.entry);
  return {
    siteOf(path, hashes) {
      if (path !== undefined && (byFile.has(path) || profiled(path))) return byFile.get(path);
      return entries.length === 0 ? undefined : matchSiteByLines(entries, hashes());
    },
  };
}

/** A site with chrome, and its chrome's page counts by line hash. */
export interface SiteChromeEntry {
  readonly entry: SiteLookupEntry;
  readonly pages: ReadonlyMap<number, number>;
}

/** The site whose chrome makes up most of a page's lines (by Jaccard similarity), for a page the profiles never saw. */
export function matchSiteByLines(sites: readonly SiteChromeEntry[], lines: Uint32Array): SiteLookupEntry | undefined {
  let best: SiteLookupEntry | undefined;
  let bestScore = MIN_SIMILARITY;
  for (const e of sites) {
    // Sharing every line of the smaller set is the best score a site can reach: a page far longer than a site's
    // chrome (a long article, a file of many pages) cannot match it, and is not compared line by line.
    const ceiling = Math.min(lines.length, e.pages.size) / Math.max(lines.length, e.pages.size, 1);
    if (ceiling < bestScore || Math.min(lines.length, e.pages.size) < MIN_COMMON_LINES) continue;
    let held = 0;
    for (const h of lines) if (e.pages.has(h)) held++;
    const score = held / (lines.length + e.pages.size - held);
    if (held >= MIN_COMMON_LINES && score >= bestScore) {
      best = e.entry;
      bestScore = score;
    }
  }
  return best;
}
