import { localize } from '../i18n/localize';
import { toLineKey } from '../text/article-text';
import type { Locale } from '../types';
import { hashKey } from './line-frequency';
import type { ChromeLine, SiteProfile, SiteProfiles } from './site-profiles';

/** How many chrome lines and pages a text listing shows per site. */
const SHOWN_LINES = 40;
const SHOWN_PAGES = 5;

/** The chrome lines of a profile with their text taken from one of its pages, where the page holds them. */
export function withChromeTexts(profile: SiteProfile, text: string): SiteProfile {
  const missing = new Map(profile.chrome.filter((c) => c.text === undefined).map((c) => [c.hash, c]));
  if (missing.size === 0) return profile;
  const found = new Map<number, string>();
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const key = toLineKey(raw);
    if (key === '') continue;
    const hash = hashKey(key);
    if (missing.has(hash) && !found.has(hash)) found.set(hash, raw.trim().normalize('NFC'));
  }
  const chrome = profile.chrome.map((c): ChromeLine => (c.text === undefined && found.has(c.hash) ? { ...c, text: found.get(c.hash) } : c));
  return { ...profile, chrome };
}

/**
 * The profiles as plain text (the CLI's `profiles` output and the editor's "Show site profiles" document):
 * each site with its page count, some of its pages and its chrome lines with how many pages hold them.
 */
export function formatSiteProfiles(profiles: SiteProfiles, locale: Locale, showPath: (file: string) => string = (f) => f): string {
  const t = (en: string, vi: string): string => localize({ en, vi }, locale);
  const out: string[] = [];
  out.push(t(
    `Site profiles: ${profiles.sites.length} sites in ${profiles.fileCount} files; ${profiles.ungrouped} files belong to no site`,
    `Hồ sơ trang web: ${profiles.sites.length} trang web trong ${profiles.fileCount} tệp; ${profiles.ungrouped} tệp không thuộc trang web nào`,
  ));
  for (const site of profiles.sites) {
    out.push('');
    out.push(t(`## ${site.name}: ${site.files.length} pages, ${site.chrome.length} chrome lines`, `## ${site.name}: ${site.files.length} trang, ${site.chrome.length} dòng khung trang`));
    const pages = site.files.slice(0, SHOWN_PAGES).map(showPath).join(', ');
    const more = site.files.length > SHOWN_PAGES ? t(` and ${site.files.length - SHOWN_PAGES} more`, ` và ${site.files.length - SHOWN_PAGES} tệp khác`) : '';
    out.push(t(`pages: ${pages}${more}`, `các trang: ${pages}${more}`));
    if (site.chrome.length === 0) out.push(t('no chrome: a site needs 3 pages or more', 'chưa có khung trang: cần từ 3 trang trở lên'));
    for (const line of site.chrome.slice(0, SHOWN_LINES)) out.push(`  ${`${line.pages}/${site.files.length}`.padStart(7)}  ${line.text ?? t('(line not found in the pages read)', '(không tìm thấy dòng trong các trang đã đọc)')}`);
    if (site.chrome.length > SHOWN_LINES) out.push(t(`  … ${site.chrome.length - SHOWN_LINES} more lines`, `  … thêm ${site.chrome.length - SHOWN_LINES} dòng`));
  }
  return `${out.join('\n')}\n`;
}
