import { hashKey } from '../core/corpus/line-frequency';
import { matchSiteByLines, type SiteChromeEntry, type SiteChromeLookup } from '../core/corpus/site-chrome-lookup';
import type { SiteProfiles } from '../core/corpus/site-profiles';

/** One site with chrome, as it travels to a worker: no file list, which the shared file table answers for. */
export interface SiteRow {
  readonly name: string;
  readonly pageCount: number;
  readonly chrome: readonly (readonly [hash: number, pages: number])[];
}

/**
 * Every file the profiles saw, sorted, in shared memory: path j is the UTF-8 bytes `paths[starts[j] .. starts[j + 1]]`,
 * on the site row `sites[j]`, or -1 when it is on no site with chrome.
 */
export interface SiteFiles {
  readonly starts: Uint32Array;
  readonly paths: Uint8Array;
  readonly sites: Int32Array;
}

/** Site profiles split for workers: the rows of the sites with chrome, and the site of every file profiled. */
export interface SiteTable {
  readonly rows: readonly SiteRow[];
  readonly files: SiteFiles;
}

/** The same answers as `toSiteChromeLookup(profiles, (f) => profiled.includes(f))`, packed for workers. */
export function siteTable(profiles: SiteProfiles, profiled: Iterable<string>): SiteTable {
  const withChrome = profiles.sites.filter((p) => p.chrome.length > 0);
  const rows = withChrome.map((p): SiteRow => ({ name: p.name, pageCount: p.files.length, chrome: p.chrome.map((c) => [c.hash, c.pages] as const) }));
  const siteOf = new Map<string, number>();
  withChrome.forEach((p, i) => {
    for (const f of p.files) siteOf.set(f, i);
  });
  const sorted = [...new Set([...profiled, ...siteOf.keys()])].sort();
  const encoded = sorted.map((f) => Buffer.from(f, 'utf8'));
  const starts = new Uint32Array(new SharedArrayBuffer((encoded.length + 1) * 4));
  const sites = new Int32Array(new SharedArrayBuffer(Math.max(1, encoded.length) * 4), 0, encoded.length);
  let bytes = 0;
  encoded.forEach((b, j) => {
    starts[j] = bytes;
    bytes += b.length;
    sites[j] = siteOf.get(sorted[j] as string) ?? -1;
  });
  starts[encoded.length] = bytes;
  const paths = new Uint8Array(new SharedArrayBuffer(Math.max(1, bytes)), 0, bytes);
  encoded.forEach((b, j) => paths.set(b, starts[j]));
  return { rows, files: { starts, paths, sites } };
}

/** A worker's lookup over a site table: by path for a file the profiles saw, by its lines for any other. */
export class TableSiteLookup implements SiteChromeLookup {
  private readonly entries: readonly SiteChromeEntry[];

  constructor(rows: readonly SiteRow[], private readonly files: SiteFiles) {
    this.entries = rows.map((row) => {
      const pages = new Map(row.chrome);
      return { entry: { name: row.name, pageCount: row.pageCount, pagesWith: (key: string) => pages.get(hashKey(key)) ?? 0 }, pages };
    });
  }

  siteOf(path: string | undefined, hashes: () => Uint32Array): ReturnType<SiteChromeLookup['siteOf']> {
    const at = path === undefined ? -1 : this.find(path);
    if (at >= 0) return this.entries[this.files.sites[at] ?? -1]?.entry;
    return this.entries.length === 0 ? undefined : matchSiteByLines(this.entries, hashes());
  }

  private find(path: string): number {
    const { starts, paths } = this.files;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid] ?? 0;
      // Through Buffer: TextDecoder refuses views of shared memory.
      const probe = Buffer.from(paths.buffer, paths.byteOffset + start, (starts[mid + 1] ?? start) - start).toString('utf8');
      if (probe === path) return mid;
      if (probe < path) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
