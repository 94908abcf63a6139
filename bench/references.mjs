/**
 * Reference hovers over a real LSP connection: server spawn → initialize result (several spawns, cold and warm), then a hover on
 * every reference mention of the seed articles and of the shared corpus when it is present (the catalog loaded as
 * shipped). Prints figures; targets: initialize < 200 ms, hover p95 < 5 ms.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BenchClient } from './lsp-client.mjs';
import { measureStartup } from './startup.mjs';
import { round, summarize } from './stats.mjs';

const require = createRequire(import.meta.url);

/** Articles to hover in: the seeds, and up to `limit` files of ../shared/corpus. */
function articles(repo, limit) {
  const seeds = fs.readdirSync(path.join(repo, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repo, 'seeds', f));
  const corpusDir = path.join(repo, '..', 'shared', 'corpus');
  const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit).map((f) => path.join(corpusDir, f)) : [];
  return { files: [...seeds, ...corpus], corpusPresent: corpus.length > 0 };
}

/** Mention positions in a text, found by the same engine the server runs (so every hover lands on a reference). */
function mentionPositions(repo, text) {
  const { analyze, defaultAnalysisOptions } = require(path.join(repo, 'server', 'out', 'src', 'core', 'analyze.js'));
  const analysis = analyze(text, defaultAnalysisOptions);
  return analysis.references.map((r) => analysis.doc.lines.toPosition(Math.floor((r.mention.span.start + r.mention.span.end) / 2)));
}

export async function measureReferenceHovers({ repo, startRuns = 7, corpusFiles = 60, log = () => {} }) {
  const initialize = await measureStartup(repo, startRuns);
  const { files, corpusPresent } = articles(repo, corpusFiles);
  if (!corpusPresent) log('[bench] references: ../shared/corpus absent, hovering in the seeds only');
  const client = BenchClient.spawn(repo);
  const samples = [];
  try {
    await client.initialize();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).toString();
      await client.open(uri, text, 60_000);
      const positions = mentionPositions(repo, text);
      // The first hover after opening waits for the analysis; the timed ones ask again as an editor does on mouse moves.
      if (positions[0]) await client.hover(uri, positions[0], 30_000);
      for (const position of positions) {
        const t0 = performance.now();
        await client.hover(uri, position, 30_000);
        samples.push(performance.now() - t0);
      }
    }
  } finally {
    await client.close();
  }
  return {
    initialize,
    hover: { files: files.length, ...summarize(samples) },
    packs: measurePacks(repo),
  };
}

/**
 * The catalog packs in process: reading the pack index (when the catalog first loads, after initialize), then the first lookup of one symbol of
 * each pack in a fresh catalog, which reads and indexes that pack (off the start path, once per pack and process).
 */
function measurePacks(repo) {
  const out = path.join(repo, 'server', 'out', 'src');
  const { builtInPacks } = require(path.join(out, 'node', 'workspace-files.js'));
  const { Catalog } = require(path.join(out, 'core', 'references', 'catalog.js'));
  const dir = path.join(repo, 'server', 'data', 'catalog');
  const t0 = performance.now();
  const { source } = builtInPacks(dir);
  const indexMs = performance.now() - t0;
  if (!source) return undefined;
  const firsts = [];
  let largest = { file: '', count: 0, ms: 0 };
  for (const pack of source.packs) {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'packs', pack.file), 'utf8'));
    const symbol = raw.entries[Math.floor(raw.entries.length / 2)]?.symbol;
    if (!symbol) continue;
    // A fresh source, so the process-wide cache of pack files does not hide the read.
    const fresh = { packs: source.packs, read: (file) => ({ value: JSON.parse(fs.readFileSync(path.join(dir, 'packs', file), 'utf8')) }) };
    const t = performance.now();
    new Catalog([], fresh).findBySymbol(symbol);
    const ms = performance.now() - t;
    firsts.push(ms);
    if (pack.count > largest.count) largest = { file: pack.file, count: pack.count, ms: round(ms) };
  }
  return { indexMs: round(indexMs), packs: firsts.length, entries: source.packs.reduce((n, p) => n + p.count, 0), first: summarize(firsts), largest };
}
