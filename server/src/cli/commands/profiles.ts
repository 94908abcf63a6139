import * as path from 'node:path';
import { formatSiteProfiles } from '../../core/corpus/site-profiles-format';
import type { Locale } from '../../core/types';
import type { SiteProfiles } from '../../core/corpus/site-profiles';
import type { Output } from '../main';

/** Prints the site profiles as text or JSON. */
export function printProfiles(profiles: SiteProfiles, format: string, locale: Locale, io: Output): void {
  if (format === 'json') io.out(`${JSON.stringify(profiles, null, 1)}\n`);
  else io.out(formatSiteProfiles(profiles, locale, (f) => path.relative(process.cwd(), f)));
}
