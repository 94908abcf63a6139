import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LineFrequencyIndex } from '../core/corpus/line-frequency';
import { computeSiteProfiles, siteProfileSteps, type SiteProfile, type SiteProfiles } from '../core/corpus/site-profiles';
import { toSiteChromeLookup, type SiteChromeLookup } from '../core/corpus/site-chrome-lookup';
import { withChromeTexts } from '../core/corpus/site-profiles-format';
import { readText } from './read-text';
import { nextTurn } from './scheduler';

/** Pages read per site to find the text of its chrome lines. */
const PAGES_READ_FOR_TEXT = 5;

interface CacheFile {
  readonly version: 1;
  readonly fingerprint: string;
  readonly profiles: SiteProfiles;
}

/** Computed profiles and the lookup the analysis uses. */
export interface SiteProfileResult {
  readonly profiles: SiteProfiles;
  readonly lookup: SiteChromeLookup;
}

/** A fingerprint of an index's content: changes when any file's lines change, or a file comes or goes. */
export function indexFingerprint(index: LineFrequencyIndex): string {
  let a = 0;
  let b = 0;
  for (const [file, hashes] of index.entries()) {
    let h = 0x811c9dc5;
    for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
    for (const x of hashes) h = Math.imul(h ^ x, 0x01000193) >>> 0;
    // Order-independent: files may come out of the index in any order.
    a = (a + h) >>> 0;
    b = (b ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  return `${index.fileCount}-${a.toString(16)}-${b.toString(16)}`;
}

/**
 * Site profiles of an index, with the text of each chrome line read from a few of the site's pages.
 * With a cache file, profiles of an unchanged index are read back instead of recomputed (and re-read).
 */
export function siteProfilesOf(index: LineFrequencyIndex, cacheFile: string | undefined, textOf: (file: string) => string | undefined = readFileText): SiteProfileResult {
  const fingerprint = indexFingerprint(index);
  const cached = cacheFile ? readCache(cacheFile, fingerprint) : undefined;
  const profiles = cached ?? fillTexts(computeSiteProfiles(index), textOf);
  if (cacheFile && !cached) writeCache(cacheFile, { version: 1, fingerprint, profiles });
  return { profiles, lookup: toSiteChromeLookup(profiles, (file) => index.has(file)) };
}

/**
 * `siteProfilesOf` for the server: the computation yields to the event loop (through `nextSlice`) every few thousand files, so requests
 * are answered meanwhile; returns undefined when `isCancelled` says the result is no longer wanted.
 */
export async function siteProfilesInSteps(
  index: LineFrequencyIndex,
  cacheFile: string | undefined,
  isCancelled: () => boolean,
  nextSlice: () => Promise<void> = nextTurn,
): Promise<SiteProfileResult | undefined> {
  const fingerprint = indexFingerprint(index);
  let profiles = cacheFile ? readCache(cacheFile, fingerprint) : undefined;
  if (!profiles) {
    const steps = siteProfileSteps(index);
    for (;;) {
      const next = steps.next();
      if (next.done) {
        profiles = next.value;
        break;
      }
      await nextSlice();
      if (isCancelled()) return undefined;
    }
    profiles = fillTexts(profiles, readFileText);
    if (cacheFile) writeCache(cacheFile, { version: 1, fingerprint, profiles });
  }
  return { profiles, lookup: toSiteChromeLookup(profiles, (file) => index.has(file)) };
}

/** Shows a path relative to the workspace root (as the listing names pages), or whole without a root. */
export function relativeTo(root: string | undefined): (file: string) => string {
  return (file) => (root ? path.relative(root, file) : file);
}

/** Where the profiles of an index cache file are kept: next to it. */
export function profilesCacheFile(indexCacheFile: string | undefined): string | undefined {
  return indexCacheFile ? indexCacheFile.replace(/(\.json)?$/u, '.sites.json') : undefined;
}

function fillTexts(profiles: SiteProfiles, textOf: (file: string) => string | undefined): SiteProfiles {
  const sites = profiles.sites.map((site) => {
    let filled: SiteProfile = site;
    for (const file of site.files.slice(0, PAGES_READ_FOR_TEXT)) {
      if (filled.chrome.every((c) => c.text !== undefined)) break;
      const text = textOf(file);
      if (text !== undefined) filled = withChromeTexts(filled, text);
    }
    return filled;
  });
  return { ...profiles, sites };
}

function readFileText(file: string): string | undefined {
  const read = readText(file);
  return 'text' in read ? read.text : undefined;
}

function readCache(file: string, fingerprint: string): SiteProfiles | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return parsed.version === 1 && parsed.fingerprint === fingerprint && isProfiles(parsed.profiles) ? parsed.profiles : undefined;
  } catch {
    return undefined;
  }
}

function isProfiles(value: unknown): value is SiteProfiles {
  const v = value as Partial<SiteProfiles> | undefined;
  return typeof v?.fileCount === 'number' && typeof v.ungrouped === 'number' && Array.isArray(v.sites) && v.sites.every((s: Partial<SiteProfile>) =>
    typeof s.name === 'string' && Array.isArray(s.files) && s.files.every((f) => typeof f === 'string')
    && Array.isArray(s.chrome) && s.chrome.every((c) => typeof c.hash === 'number' && typeof c.pages === 'number' && (c.text === undefined || typeof c.text === 'string')));
}

function writeCache(file: string, content: CacheFile): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(content));
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs a recomputation next time.
  }
}
