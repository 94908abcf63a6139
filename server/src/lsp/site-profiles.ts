import type { SiteChromeLookup } from '../core/corpus/site-chrome-lookup';
import { formatSiteProfiles } from '../core/corpus/site-profiles-format';
import type { Locale, Logger } from '../core/types';
import { siteProfilesInSteps, type SiteProfileResult } from '../node/site-profiles-store';
import type { LineFrequencyIndex } from '../core/corpus/line-frequency';
import type { Pacer } from '../node/scheduler';

/**
 * The workspace's site profiles, recomputed in the background after each change of the index (the previous ones
 * serve meanwhile) and kept in a cache file next to the index cache, so an unchanged corpus reuses them after a
 * restart. When new profiles are ready, `onReady` re-publishes the diagnostics that depend on them.
 */
export class SiteProfileCache {
  private current: SiteProfileResult | undefined;
  private pending: Promise<SiteProfileResult | undefined> | undefined;
  private generation = 0;
  private stale = true;

  constructor(
    private readonly index: () => LineFrequencyIndex | undefined,
    private readonly cacheFile: string | undefined,
    private readonly logger: Logger,
    private readonly onReady: () => void,
    private readonly pacer: Pacer,
  ) {}

  /** Marks the profiles out of date (the index changed); the next use starts recomputing them. */
  invalidate(): void {
    this.generation++;
    this.stale = true;
    this.pending = undefined;
  }

  /** The lookup for analysis options: the latest profiles, possibly from before the last change of the index. */
  lookup(): SiteChromeLookup | undefined {
    if (this.stale) void this.refresh();
    return this.current?.lookup;
  }

  /** The profiles as the "Show site profiles" document shows them, once they are up to date. */
  async listing(locale: Locale, showPath: (file: string) => string): Promise<string | undefined> {
    const result = this.stale ? await this.refresh() : this.current;
    return result ? formatSiteProfiles(result.profiles, locale, showPath) : undefined;
  }

  private refresh(): Promise<SiteProfileResult | undefined> {
    if (this.pending) return this.pending;
    const index = this.index();
    if (!index) return Promise.resolve(undefined);
    const generation = this.generation;
    const started = Date.now();
    this.pending = siteProfilesInSteps(index, this.cacheFile, () => generation !== this.generation, () => this.pacer.background()).then((result) => {
      if (!result || generation !== this.generation) return this.current;
      this.current = result;
      this.stale = false;
      this.pending = undefined;
      const sites = result.profiles.sites;
      this.logger.log('info', `site profiles: ${sites.length} sites, ${sites.reduce((n, s) => n + s.chrome.length, 0)} chrome lines, in ${Date.now() - started} ms`);
      this.onReady();
      return result;
    }, (error: unknown) => {
      this.logger.log('error', 'site profiles failed', error instanceof Error ? error.stack : error);
      this.pending = undefined;
      this.stale = false;
      return this.current;
    });
    return this.pending;
  }
}
