/**
 * Site profiles at scale: `node bench/site-profiles.mjs [files…]` (needs `npm run build`).
 * Builds synthetic line-hash sets (sites of 20–2,000 pages, each page 60 site-chrome lines of which a few vary,
 * 30 lines of its own and a few lines shared with a random other page) and times `computeSiteProfiles` and the
 * index fingerprint that keys the cache. Prints one row per size and always exits 0: it reports, it does not gate.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { computeSiteProfiles } = require('../server/out/src/core/corpus/site-profiles.js');
const { LineFrequencyIndex } = require('../server/out/src/core/corpus/line-frequency.js');
const { indexFingerprint } = require('../server/out/src/node/site-profiles-store.js');

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function corpus(files) {
  const rnd = random(files);
  const index = new LineFrequencyIndex();
  let site = 0;
  let left = 0;
  let next = 1;
  for (let f = 0; f < files; f++) {
    if (left === 0) {
      site++;
      left = 20 + Math.floor(rnd() * 1980);
    }
    left--;
    const hashes = new Set();
    for (let c = 0; c < 60; c++) if (c < 50 || rnd() < 0.5) hashes.add(site * 1000 + c);
    for (let o = 0; o < 30; o++) hashes.add(0x40000000 + next++);
    for (let s = 0; s < 3; s++) hashes.add(0x20000000 + Math.floor(rnd() * files));
    index.setFile(`/corpus/site${site}/page-${f}.txt`, Uint32Array.from(hashes));
  }
  return { index, sites: site };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log('files     true sites  found sites  ungrouped  profiles ms  fingerprint ms');
for (const files of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
  const { index, sites } = corpus(files);
  let t = performance.now();
  const profiles = computeSiteProfiles(index.entries());
  const profileMs = performance.now() - t;
  t = performance.now();
  indexFingerprint(index);
  const fingerprintMs = performance.now() - t;
  console.log(`${String(files).padEnd(10)}${String(sites).padStart(10)}${String(profiles.sites.length).padStart(13)}${String(profiles.ungrouped).padStart(11)}${profileMs.toFixed(0).padStart(13)}${fingerprintMs.toFixed(0).padStart(16)}`);
}
