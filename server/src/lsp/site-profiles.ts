import type { SiteChromeLookup } from '../core/corpus/site-profiles';
import { formatSiteProfiles } from '../core/corpus/site-profiles-format';
import type { Locale, Logger } from '../core/types';
import { siteProfilesOf, type SiteProfileResult } from '../node/site-profiles-store';
import type { WorkspaceIndex } from './workspace-index';

/**
 * The workspace's site profiles, computed from the index once after each change of the index and kept in a cache
 * file next to the index cache, so an unchanged corpus reuses them after a restart.
 */
export class SiteProfileCache {
  private current: SiteProfileResult | undefined;

  constructor(
    private readonly index: () => WorkspaceIndex | undefined,
    private readonly cacheFile: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Forgets the profiles; the next use recomputes them (the index changed). */
  invalidate(): void {
    this.current = undefined;
  }

  /** The lookup for analysis options, once the index exists. */
  lookup(): SiteChromeLookup | undefined {
    return this.result()?.lookup;
  }

  /** The profiles as the "Show site profiles" document shows them. */
  listing(locale: Locale, showPath: (file: string) => string): string | undefined {
    const result = this.result();
    return result ? formatSiteProfiles(result.profiles, locale, showPath) : undefined;
  }

  private result(): SiteProfileResult | undefined {
    if (this.current) return this.current;
    const index = this.index()?.index;
    if (!index) return undefined;
    const started = Date.now();
    this.current = siteProfilesOf(index, this.cacheFile);
    const sites = this.current.profiles.sites;
    this.logger.log('info', `site profiles: ${sites.length} sites, ${sites.reduce((n, s) => n + s.chrome.length, 0)} chrome lines, in ${Date.now() - started} ms`);
    return this.current;
  }
}
