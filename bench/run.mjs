/**
 * Performance benchmark for vn-news-corpus: `npm run bench` (add `--large` for the 100,000-file index run).
 * Builds a replicated corpus in a temp folder, then measures server start-up, CLI throughput against a floor (on
 * that corpus, and on one of paragraphs no other file holds, which the per-line memos cannot answer),
 * `vn-corpus clean` records/s over 100,000 JSON Lines records (one process, Dask with 1 and N workers),
 * workspace indexing (cold and from cache), and edit-to-diagnostics and hover latency over a real LSP connection,
 * and where the per-file time of a lint goes (a CPU profile shared out to phases).
 * `--no-clean` leaves out the clean and Dask section. `--lsp` runs only what the LSP latency section needs (the corpus, the index cold and from cache, the edits and hovers).
 * It prints a table with targets and a final JSON line, and always exits 0: it reports, it does not gate.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureCliThroughput } from './cli-throughput.mjs';
import { measureLintProfile, profileRows } from './lint-profile.mjs';
import { cleanRows, measureClean } from './clean-throughput.mjs';
import { buildCorpus, buildUnseenCorpus, closestArticle, concatenated, readSources } from './corpus.mjs';
import { measureIndex } from './index-bench.mjs';
import { measureMillion } from './million.mjs';
import { BenchClient } from './lsp-client.mjs';
import { measureEdits, measureIdleHover } from './latency.mjs';
import { measureSteps } from './core-steps.mjs';
import { measureReferenceHovers } from './references.mjs';
import { measureStartup } from './startup.mjs';
import { formatTable, mb, memoryOf, round, seededRandom, verdict } from './stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = new Set(process.argv.slice(2));
const LARGE = argv.has('--large');
const KEEP = argv.has('--keep');
const MILLION = argv.has('--million');
/** `--lsp`: only the corpus, the index and the LSP latency section (skips start-up, references, CLI and clean). */
const LSP_ONLY = argv.has('--lsp');
/** `--no-clean` leaves out the `vn-corpus clean` and Dask section, the longest (alone: `node bench/clean-throughput.mjs 100000`). */
const NO_CLEAN = argv.has('--no-clean');

/** Sizes and counts. At 10 MB every tenth edit also carries a hover on another document: 20 hover trials. */
const PLAN = {
  corpusFiles: 5_000, corpusBytes: 50e6, unseenFiles: 2_000, largeFiles: 100_000, largeBytes: 1e9, millionFiles: 1_000_000,
  cliRuns: 3, startRuns: 5, cleanRecords: 100_000,
  edits: { small: 200, medium: 200, large: 200 },
  warmup: { small: 5, medium: 5, large: 2 },
  hoverEvery: 10,
  idleHovers: 10,
};

const log = (message) => process.stderr.write(`${message}\n`);
const figures = { machine: machineInfo(), plan: PLAN };

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => round(l, 1)),
  };
}

/** Runs one section; a failure is recorded as that section's error and the rest still run. */
async function section(name, fn) {
  const started = performance.now();
  log(`[bench] ${name}…`);
  try {
    figures[name] = await fn();
  } catch (error) {
    figures[name] = { error: error instanceof Error ? error.message : String(error) };
    log(`[bench] ${name} failed: ${figures[name].error}`);
  }
  log(`[bench] ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A document to hover in: the first source article with a reference, and the position of that reference. */
function hoverTarget(sources) {
  const require = createRequire(import.meta.url);
  const { analyze, defaultAnalysisOptions } = require(path.join(REPO, 'server', 'out', 'src', 'core', 'analyze.js'));
  for (const source of [...sources].sort((a, b) => a.bytes - b.bytes)) {
    if (source.bytes < 1500) continue;
    const analysis = analyze(source.text, defaultAnalysisOptions);
    const ref = analysis.references[0];
    if (ref) return { source, position: analysis.doc.lines.toPosition(ref.mention.span.start + 1) };
  }
  return { source: sources[0], position: { line: 0, character: 0 } };
}

async function main() {
  const m = figures.machine;
  console.log(`machine: ${m.cpu} × ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}, load average ${m.loadAverage.join(' ')}`);
  if (argv.has('--references')) {
    // Quick mode: only start-up and reference hovers (`npm run bench -- --references`).
    await section('references', () => measureReferenceHovers({ repo: REPO, log }));
    console.log(formatTable(referenceRows(figures)));
    console.log(JSON.stringify(figures));
    return;
  }
  if (MILLION) {
    // Alone (`npm run bench -- --million`): the million files take minutes to write and to lint.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-bench-'));
    try {
      const sources = readSources([path.join(REPO, 'seeds'), path.join(REPO, '..', 'shared', 'corpus')]);
      await section('million', () => measureMillion({ repo: REPO, tmp, sources, files: PLAN.millionFiles, log }));
    } finally {
      if (KEEP) log(`[bench] kept ${tmp}`);
      else fs.rmSync(tmp, { recursive: true, force: true });
    }
    console.log(formatTable(millionRows(figures)));
    console.log(JSON.stringify(figures));
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-bench-'));
  const ws = path.join(tmp, 'ws');
  try {
    const sources = readSources([path.join(REPO, 'seeds'), path.join(REPO, '..', 'shared', 'corpus')]);
    const started = performance.now();
    const corpus = buildCorpus(ws, sources, PLAN.corpusFiles, PLAN.corpusBytes);
    figures.corpus = { sources: sources.length, files: corpus.files, MB: mb(corpus.bytes), buildSeconds: round((performance.now() - started) / 1000, 1) };
    log(`[bench] corpus: ${corpus.files} files, ${mb(corpus.bytes)} MB from ${sources.length} sources in ${tmp}`);

    if (!LSP_ONLY) await runStartAndThroughput(corpus, sources, tmp);

    let warmClient;
    await section('index', async () => {
      const cacheDir = path.join(tmp, 'cache');
      const cold = await measureIndex({ repo: REPO, ws, cacheDir, timeoutMs: 300_000 });
      const warm = await measureIndex({ repo: REPO, ws, cacheDir, timeoutMs: 300_000, keepOpen: true });
      warmClient = warm.client;
      const cacheFile = fs.readdirSync(cacheDir).find((f) => f.endsWith('.json'));
      return { cold: cold.result, warm: warm.result, cacheMB: cacheFile ? mb(fs.statSync(path.join(cacheDir, cacheFile)).size) : null };
    });

    await section('lsp', async () => {
      // The server that just loaded the index from cache is the realistic one to edit in: its analyses consult the index.
      const client = warmClient ?? BenchClient.spawn(REPO);
      if (!warmClient) await client.initialize({ workspace: ws, cacheDir: path.join(tmp, 'cache') });
      try {
        return await measureLsp(client, sources, ws);
      } finally {
        await client.close();
      }
    });

    await section('lspPull', async () => {
      // A second server, as VS Code's client talks to it: it pulls each document's diagnostics after every change.
      const client = BenchClient.spawn(REPO);
      try {
        await client.initialize({ workspace: ws, cacheDir: path.join(tmp, 'cache'), pull: true });
        await client.waitForLog(/indexed \d+ article files/u, 300_000);
        return await measureLsp(client, sources, ws, { pull: true });
      } finally {
        await client.close();
      }
    });

    if (LARGE) {
      await section('indexLarge', async () => {
        const wsLarge = path.join(tmp, 'ws-large');
        const built = performance.now();
        const big = buildCorpus(wsLarge, sources, PLAN.largeFiles, PLAN.largeBytes);
        log(`[bench] large corpus: ${big.files} files, ${mb(big.bytes)} MB in ${((performance.now() - built) / 1000).toFixed(1)} s`);
        const cacheDir = path.join(tmp, 'cache-large');
        const cold = await measureIndex({ repo: REPO, ws: wsLarge, cacheDir, timeoutMs: 900_000 });
        const warm = await measureIndex({ repo: REPO, ws: wsLarge, cacheDir, timeoutMs: 900_000 });
        return { files: big.files, MB: mb(big.bytes), cold: cold.result, warm: warm.result };
      });
    }
  } finally {
    if (KEEP) log(`[bench] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  report();
}

/** Start-up, reference hovers, CLI and clean throughput: the sections `--lsp` skips. */
async function runStartAndThroughput(corpus, sources, tmp) {
  await section('serverStart', () => measureStartup(REPO, PLAN.startRuns));

  await section('references', () => measureReferenceHovers({ repo: REPO, log }));

  await section('cli', () => measureCliThroughput({ repo: REPO, corpus: corpus.root, bytes: corpus.bytes, runs: PLAN.cliRuns, log }));
  await section('lintProfile', () => measureLintProfile({ repo: REPO, corpus: corpus.root, log }));
  await section('cliUnseen', async () => {
    const unseen = buildUnseenCorpus(path.join(tmp, 'ws-unseen'), sources, PLAN.unseenFiles, seededRandom(20261204));
    log(`[bench] unseen paragraphs: ${unseen.files} files, ${mb(unseen.bytes)} MB`);
    const throughput = await measureCliThroughput({ repo: REPO, corpus: unseen.root, bytes: unseen.bytes, runs: PLAN.cliRuns, log });
    return { files: unseen.files, MB: mb(unseen.bytes), ...throughput, profile: measureLintProfile({ repo: REPO, corpus: unseen.root, log }) };
  });
  if (!NO_CLEAN) await section('clean', () => measureClean({ repo: REPO, records: PLAN.cleanRecords, tmp, log }));
}

/**
 * The LSP latency runs on one server: an idle hover, then edits of a 10 KB, a 1 MB and a 10 MB document (hovers on
 * another document during the last). With `pull`, the client pulls each edit's diagnostics as VS Code does.
 */
async function measureLsp(client, sources, ws, { pull = false } = {}) {
  const folder = path.join(ws, 'open');
  fs.mkdirSync(folder, { recursive: true });
  const write = (name, text) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return { uri: pathToFileURL(file).toString(), text, bytes: Buffer.byteLength(text) };
  };
  const target = hoverTarget(sources);
  const other = write('hover-target.txt', target.source.text);
  const small = write('article-10kb.txt', closestArticle(sources, 10_000).text);
  const medium = write('concat-1mb.txt', concatenated(sources, 1e6));
  const large = write('concat-10mb.txt', concatenated(sources, 10e6));
  const timeoutMs = 120_000;

  if (pull) await client.openOnly(other.uri, other.text).then(() => client.pull(other.uri, undefined, timeoutMs));
  else await client.open(other.uri, other.text, timeoutMs);
  const idleHover = await measureIdleHover(client, other.uri, target.position, PLAN.idleHovers);
  const run = (doc, key, hover) => measureEdits({
    client, uri: doc.uri, text: doc.text, count: PLAN.edits[key], warmup: PLAN.warmup[key], hoverEvery: PLAN.hoverEvery,
    random: seededRandom(0x5eed + doc.bytes), timeoutMs, hover, log, pull,
  });
  log('  10 KB edits');
  const r10k = { bytes: small.bytes, ...(await run(small, 'small')) };
  log('  1 MB edits');
  const r1m = { bytes: medium.bytes, ...(await run(medium, 'medium')) };
  log('  10 MB edits with hovers');
  const r10m = { bytes: large.bytes, ...(await run(large, 'large', { uri: other.uri, position: target.position })) };
  const mem = await memoryOf(client.child.pid, fs.promises.readFile);
  if (pull) return { idleHover, edits10KB: r10k, edits1MB: r1m, edits10MB: r10m };
  return {
    idleHover, hoverDocBytes: other.bytes, edits10KB: r10k, edits1MB: r1m, edits10MB: r10m,
    serverPeakRssMB: mem?.hwmMB ?? null, serverRssMB: mem?.rssMB ?? null,
    coreSteps1MB: measureSteps(REPO, medium.text), coreSteps10MB: measureSteps(REPO, large.text),
  };
}

/** Cold start (no code cache) and warm start (the cache an earlier start stored), each against the target. */
function startRows(label, { cold, warm }) {
  const cpu = (s) => (s.cpuMedianMs === undefined ? '' : `; server CPU median ${s.cpuMedianMs} ms`);
  const figure = (s) => `median ${s.medianMs} ms (min ${s.minMs}, max ${s.maxMs}; n=${s.runs}${cpu(s)})`;
  return [
    [`${label}, cold (no code cache)`, figure(cold), 'median < 200 ms', verdict(cold.medianMs, 200)],
    [`${label}, warm (code cache)`, `${figure(warm)}${warm.cacheWritten ? '' : '; no cache was written'}`, 'median < 200 ms', verdict(warm.medianMs, 200)],
  ];
}

/** Start-up and reference hover rows, with the issue's targets. */
function referenceRows(f) {
  if (f.references?.error) return [['references', `ERROR: ${f.references.error.slice(0, 100)}`, '', 'n/a']];
  const r = f.references;
  if (!r?.hover) return [];
  const h = r.hover;
  return [
    ...startRows('spawn → initialize (reference bench)', r.initialize),
    ['reference hover, every mention, idle', `p50 ${h.p50} / p95 ${h.p95} / max ${h.max} ms (n=${h.n}, ${h.files} files)`, 'p95 < 5 ms', verdict(h.p95, 5)],
    ...(r.packs ? [
      ['catalog pack index read (first catalog load, after initialize)', `${r.packs.indexMs} ms (${r.packs.packs} packs, ${r.packs.entries} entries)`, '< 5 ms', verdict(r.packs.indexMs, 5)],
      ['catalog pack, first lookup (read + index)', `p50 ${r.packs.first.p50} / max ${r.packs.first.max} ms; ${r.packs.largest.file} (${r.packs.largest.count}) ${r.packs.largest.ms} ms`, 'once per pack, off start', 'info'],
    ] : []),
  ];
}

function millionRows(f) {
  const m = f.million;
  if (!m || m.error) return [['lint 1,000,000 files', `ERROR: ${m?.error ?? 'not run'}`, '', 'n/a']];
  return [
    ['lint 1,000,000 files, cold index', `${m.cold.seconds} s (${m.MB} MB), peak RSS ${m.cold.peakRssMB} MB (VmHWM: the whole process, any worker threads included)`, '≤ 500 MB', verdict(m.cold.peakRssMB, 500)],
    ['lint 1,000,000 files, second run', `${m.cached.seconds} s, peak RSS ${m.cached.peakRssMB} MB (${m.cached.index ?? 'the cache was NOT used'})`, '≤ 500 MB', m.cached.index ? verdict(m.cached.peakRssMB, 500) : 'missed'],
  ];
}

/** The rows of a lint throughput run, named with `prefix`; the ≤ 2× target is the bench corpus's (`withTarget`). */
function throughputRows(c, prefix, withTarget) {
  if (c?.ratio === undefined) return [];
  const cpu = (x) => (x ? `; CPU ${x.main} s main thread + ${x.others} s other threads (largest ${x.largestOther} s)` : '');
  const rows = [
    [`${prefix}floor (read + NFC + split)`, `${c.floorMBps} MB/s (median ${c.floorSeconds} s of ${c.runs})`, '', ''],
    [`${prefix}vn-corpus lint --format json`, `${c.lintMBps} MB/s (median ${c.lintSeconds} s, exit ${c.lintExitCodes.join('/')}, peak RSS ~${c.lintPeakRssMB} MB)`, '', ''],
    [`${prefix}lint / floor time, cold index`, `${c.ratio}×`, withTarget ? '≤ 2×' : '', withTarget ? verdict(c.ratio, 2) : ''],
    [`${prefix}lint, second run: from cache`, `${c.cachedSeconds} s, ${c.cachedRatio}× floor (${c.cachedIndex ?? 'the cache was NOT used'})`, '', ''],
    [`${prefix}lint CPU, default (--jobs ${c.defaultJobs})`, cpu(c.lintCpu).slice(2), '', ''],
  ];
  for (const j of c.jobsRows ?? []) {
    const threads = j.jobs === 1 ? 'one thread' : `this thread + ${j.jobs - 1} worker${j.jobs === 2 ? '' : 's'}`;
    rows.push([`${prefix}lint --jobs ${j.jobs} (${threads}), cold index`, `${j.seconds} s, ${j.ratio}× floor (median of ${j.runsSeconds.join(' / ')} s)${cpu(j.cpu)}`, '', '']);
  }
  return rows;
}

function report() {
  const f = figures;
  const rows = [];
  const fmtMs = (s) => (s ? `p50 ${s.p50} / p95 ${s.p95} / max ${s.max} ms (n=${s.n})` : 'n/a');
  const err = (name) => (f[name]?.error ? [[name, `ERROR: ${f[name].error.slice(0, 100)}`, '', 'n/a']] : []);
  rows.push(['corpus', `${f.corpus?.files} files, ${f.corpus?.MB} MB (from ${f.corpus?.sources} articles)`, '~5,000 / ~50 MB', '']);
  rows.push(...err('serverStart'));
  if (f.serverStart?.warm) rows.push(...startRows('server spawn → initialize result', f.serverStart));
  rows.push(...referenceRows(f));
  rows.push(['extension activation', 'measured in the e2e run (needs VS Code)', '', 'n/a']);
  rows.push(...err('cli'));
  rows.push(...throughputRows(f.cli, '', true));
  rows.push(...profileRows(f.lintProfile));
  rows.push(...err('cliUnseen'));
  if (f.cliUnseen?.ratio !== undefined) {
    const unseen = `unseen paragraphs (${f.cliUnseen.files} files, ${f.cliUnseen.MB} MB): `;
    rows.push(...throughputRows(f.cliUnseen, unseen, false));
    rows.push(...profileRows(f.cliUnseen.profile).map(([what, ...rest]) => [`${unseen}${what}`, ...rest]));
  }
  rows.push(...(NO_CLEAN ? [['vn-corpus clean and Dask', 'not run (--no-clean)', '', 'n/a']] : cleanRows(f.clean)));
  rows.push(...err('index'));
  if (f.index?.cold) {
    const { cold, warm } = f.index;
    rows.push(['index 5k, cold: spawn → indexed', `${cold.spawnToIndexedSeconds} s (server: ${cold.serverReportedMs} ms, ${cold.files} files), peak RSS ${cold.peakRssMB} MB`, '', '']);
    rows.push(['index 5k, from cache: spawn → indexed', `${warm.spawnToIndexedSeconds} s (server: ${warm.serverReportedMs} ms), peak RSS ${warm.peakRssMB} MB; cache ${f.index.cacheMB} MB`, '≤ 5 s', verdict(warm.spawnToIndexedSeconds, 5)]);
  }
  rows.push(...err('lsp'));
  if (f.lsp?.edits10KB) {
    const l = f.lsp;
    rows.push(['hover, server idle', fmtMs(l.idleHover), '', '']);
    rows.push([`edit → diagnostics, ${round(l.edits10KB.bytes / 1000)} KB`, fmtMs(l.edits10KB), 'p95 ≤ 5 ms', verdict(l.edits10KB.p95, 5)]);
    rows.push([`edit → diagnostics, ${mb(l.edits1MB.bytes)} MB`, fmtMs(l.edits1MB), 'p95 ≤ 15 ms', verdict(l.edits1MB.p95, 15)]);
    rows.push([`edit → diagnostics, ${mb(l.edits10MB.bytes)} MB`, fmtMs(l.edits10MB), 'p95 ≤ 120 ms', verdict(l.edits10MB.p95, 120)]);
    const h = l.edits10MB.hover;
    rows.push(['hover during 10 MB analysis', `${fmtMs(h)}; ${h.sentDuringAnalysis}/${h.trials} sent while analysis ran`, 'each ≤ 50 ms (max)', verdict(h.max, 50)]);
    const p = f.lspPull;
    if (p?.error) rows.push(['LSP, diagnostics pulled', `ERROR: ${p.error.slice(0, 100)}`, '', 'n/a']);
    else if (p) {
      const pulled = (e) => `${fmtMs(e)}; ${e.unchanged} of ${e.n} answered "unchanged"`;
      rows.push([`edit → diagnostics pulled (as VS Code asks), ${round(p.edits10KB.bytes / 1000)} KB`, pulled(p.edits10KB), 'p95 ≤ 5 ms', verdict(p.edits10KB.p95, 5)]);
      rows.push([`edit → diagnostics pulled, ${mb(p.edits1MB.bytes)} MB`, pulled(p.edits1MB), 'p95 ≤ 15 ms', verdict(p.edits1MB.p95, 15)]);
      rows.push([`edit → diagnostics pulled, ${mb(p.edits10MB.bytes)} MB`, pulled(p.edits10MB), 'p95 ≤ 120 ms', verdict(p.edits10MB.p95, 120)]);
      const ph = p.edits10MB.hover;
      rows.push(['hover during 10 MB analysis, pulling client', `${fmtMs(ph)}; ${ph.sentDuringAnalysis}/${ph.trials} sent while analysis ran`, 'each ≤ 50 ms (max)', verdict(ph.max, 50)]);
    }
    rows.push(['server RSS after LSP runs (10 MB doc open)', `peak ${l.serverPeakRssMB} MB, now ${l.serverRssMB} MB`, '', '']);
    for (const [label, c] of [['1 MB', l.coreSteps1MB], ['10 MB', l.coreSteps10MB]]) {
      rows.push([`core, ${label}, per edit: longest steps (in-process, median of 5)`, `${c.longest.slice(0, 3).map((s) => `${s.step} ${s.ms}`).join(', ')} ms; total ${c.totalMs} ms`, 'each step ≤ 20 ms', verdict(c.longest[0]?.ms ?? 0, 20)]);
    }
  }
  if (LARGE) {
    rows.push(...err('indexLarge'));
    const big = f.indexLarge;
    if (big?.cold) {
      for (const [label, r] of [['cold', big.cold], ['from cache', big.warm]]) {
        rows.push([`index 100k (${big.MB} MB), ${label}: spawn → indexed`, `${r.spawnToIndexedSeconds} s (server: ${r.serverReportedMs} ms)`, '≤ 60 s', verdict(r.spawnToIndexedSeconds, 60)]);
        rows.push([`index 100k, ${label}: peak RSS`, `${r.peakRssMB} MB`, '≤ 400 MB', verdict(r.peakRssMB, 400)]);
      }
    }
  } else {
    rows.push(['index 100k files', 'not run (pass --large)', '≤ 60 s, ≤ 400 MB', 'n/a']);
  }
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log(JSON.stringify(figures));
}

main().catch((error) => {
  figures.fatal = error instanceof Error ? error.message : String(error);
  log(`[bench] ${figures.fatal}`);
  console.log(JSON.stringify(figures));
}).finally(() => {
  process.exitCode = 0;
});
