import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { LineFrequencyIndex, lineHashes } from '../src/core/corpus/line-frequency';
import { indexFingerprint, profilesCacheFile, siteProfilesInSteps, siteProfilesOf } from '../src/node/site-profiles-store';

const PAGES = path.join(__dirname, '..', '..', 'test', 'corpora', 'sites');

function index(): LineFrequencyIndex {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []);
  const result = new LineFrequencyIndex();
  for (const f of walk(PAGES)) result.setFile(f, lineHashes(fs.readFileSync(f, 'utf8')));
  return result;
}

test('profiles are kept next to the index cache and read back while the index is unchanged', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-sites-cache-'));
  const cache = profilesCacheFile(path.join(dir, 'index-abc.json'));
  assert.equal(cache, path.join(dir, 'index-abc.sites.json'));
  const first = siteProfilesOf(index(), cache);
  assert.deepEqual(first.profiles.sites.map((s) => s.name), ['songhong', 'mientay']);
  assert.ok(first.profiles.sites[0]?.chrome.every((c) => typeof c.text === 'string'), 'chrome texts read from the pages');
  // Renaming a site inside the cache shows the second call reads the file instead of recomputing.
  const stored = JSON.parse(fs.readFileSync(cache ?? '', 'utf8')) as { profiles: { sites: { name: string }[] } };
  const firstSite = stored.profiles.sites[0];
  if (firstSite) firstSite.name = 'from the cache';
  fs.writeFileSync(cache ?? '', JSON.stringify(stored));
  assert.equal(siteProfilesOf(index(), cache).profiles.sites[0]?.name, 'from the cache');
  const changed = index();
  changed.removeFile([...changed.entries()][0]?.[0] ?? '');
  assert.notEqual(indexFingerprint(changed), indexFingerprint(index()));
  assert.equal(siteProfilesOf(changed, cache).profiles.sites[0]?.name, 'songhong', 'a changed index recomputes');
});

test('a broken or foreign cache file is ignored, and the stepped computation gives the same profiles', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-sites-cache-'));
  const cache = path.join(dir, 'index.sites.json');
  fs.writeFileSync(cache, '{ not json');
  assert.equal(siteProfilesOf(index(), cache).profiles.sites.length, 2);
  fs.writeFileSync(cache, JSON.stringify({ version: 1, fingerprint: indexFingerprint(index()), profiles: { sites: [{ name: 3 }] } }));
  const stepped = await siteProfilesInSteps(index(), cache, () => false);
  assert.deepEqual(stepped?.profiles, siteProfilesOf(index(), undefined).profiles);
  const big = new LineFrequencyIndex();
  for (let i = 0; i < 1200; i++) big.setFile(`/c/p${i}.txt`, Uint32Array.from([1, 2, 3, 1000 + i]));
  assert.equal(await siteProfilesInSteps(big, undefined, () => true), undefined, 'a cancelled computation stops at its first yield');
  assert.equal((await siteProfilesInSteps(big, undefined, () => false))?.profiles.sites[0]?.files.length, 1200);
});
