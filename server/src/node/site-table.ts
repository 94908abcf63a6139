import { hashKey } from '../core/corpus/line-frequency';
import { matchSiteByLines, type SiteChromeEntry, type SiteChromeLookup } from '../core/corpus/site-chrome-lookup';
import type { SiteProfiles } from '../core/corpus/site-profiles';

/** One site with chrome, as it travels to a worker: no file list, which is answered per file instead. */
export interface SiteRow {
  readonly name: string;
  readonly pageCount: number;
  readonly chrome: readonly (readonly [hash: number, pages: number])[];
}

/**
 * A file's site as the profiles say: an index into the rows, -1 for a file they saw and left out of every site
 * (or put in a site without chrome), null for a file they never saw, which is matched by its lines.
 */
export type SiteOfFile = number | null;

/** Site profiles split for workers: the rows go once to each, and each file is sent with its site. */
export interface SiteTable {
  readonly rows: readonly SiteRow[];
  siteOf(file: string): SiteOfFile;
}

/** The same answers as `toSiteChromeLookup(profiles, profiled)`, split into rows and a per-file site. */
export function siteTable(profiles: SiteProfiles, profiled: (file: string) => boolean): SiteTable {
  const withChrome = profiles.sites.filter((p) => p.chrome.length > 0);
  const rows = withChrome.map((p): SiteRow => ({ name: p.name, pageCount: p.files.length, chrome: p.chrome.map((c) => [c.hash, c.pages] as const) }));
  const byFile = new Map<string, number>();
  withChrome.forEach((p, i) => {
    for (const f of p.files) byFile.set(f, i);
  });
  return { rows, siteOf: (file) => byFile.get(file) ?? (profiled(file) ? -1 : null) };
}

/** A worker's lookup over the rows, told each file's site before the file is analysed. */
export class RowSiteLookup implements SiteChromeLookup {
  private readonly entries: readonly SiteChromeEntry[];
  private readonly known = new Map<string, SiteOfFile>();

  constructor(rows: readonly SiteRow[]) {
    this.entries = rows.map((row) => {
      const pages = new Map(row.chrome);
      return { entry: { name: row.name, pageCount: row.pageCount, pagesWith: (key: string) => pages.get(hashKey(key)) ?? 0 }, pages };
    });
  }

  /** Says which site a file is on, until `forget`. */
  tell(file: string, site: SiteOfFile): void {
    this.known.set(file, site);
  }

  forget(file: string): void {
    this.known.delete(file);
  }

  siteOf(path: string | undefined, hashes: () => Uint32Array): ReturnType<SiteChromeLookup['siteOf']> {
    const site = path === undefined ? null : (this.known.get(path) ?? null);
    if (site !== null) return this.entries[site]?.entry;
    return this.entries.length === 0 ? undefined : matchSiteByLines(this.entries, hashes());
  }
}
