/**
 * CLI throughput: `vn-corpus lint <corpus> --format json > /dev/null` against a floor that only reads,
 * normalizes and splits every file, both timed as whole child processes, alternating, median of runs.
 * Each timed lint starts without the index cache (removed before it), so the ratio counts the indexing; one more
 * run then finds the cache the last one left. Lints with `--jobs 1` (one thread) and `--jobs <cores>` (this thread
 * and a worker per further core), where these differ from the default, run in the same alternation, so each row
 * saw the same load; the CPU of each thread shows where the time went (the largest other thread is the worker).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { median, memoryOf, round, threadCpuOf } from './stats.mjs';

/**
 * The temporary folder of the timed lints: the CLI keeps its index cache under it, where no other process on the
 * machine clears it between a run and the next (the shared one under the system's temporary folder may be).
 */
const LINT_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-bench-tmp-'));
process.on('exit', () => fs.rmSync(LINT_TMP, { recursive: true, force: true }));

/** The index cache files `vn-corpus lint <corpus>` reads and writes, where the server keeps them for that folder. */
export function cacheFilesOf(repo, corpus) {
  const require = createRequire(import.meta.url);
  const { defaultCacheFile } = require(path.join(repo, 'server', 'out', 'src', 'node', 'corpus-index.js'));
  const { profilesCacheFile } = require(path.join(repo, 'server', 'out', 'src', 'node', 'site-profiles-store.js'));
  const index = defaultCacheFile(path.resolve(corpus), path.join(LINT_TMP, 'vn-corpus-index'));
  return [index, profilesCacheFile(index)];
}

/** The `--jobs` the CLI of `repo` takes by default on this machine for a large run. */
export function defaultJobsOf(repo) {
  const require = createRequire(import.meta.url);
  return require(path.join(repo, 'server', 'out', 'src', 'node', 'analysis-pool.js')).defaultJobs();
}

/** Times one `vn-corpus lint <corpus> --format json`, with the index cache removed first when `cold`. */
export async function timeLint({ repo, corpus, cold, extra = [] }) {
  if (cold) for (const file of cacheFilesOf(repo, corpus)) fs.rmSync(file, { force: true });
  const lint = await timeChild([path.join(repo, 'bin', 'vn-corpus'), 'lint', corpus, '--format', 'json', ...extra], repo, { ...process.env, TMPDIR: LINT_TMP });
  // Exit code 1 means findings, which this corpus has; anything else is a failure of the run.
  if (lint.code !== 0 && lint.code !== 1) throw new Error(`lint exited ${lint.code ?? lint.signal}: ${lint.stderr}`);
  return { ...lint, fromCache: /^index: from cache[^\n]*/mu.exec(lint.stderr)?.[0] };
}

/**
 * Runs a command with stdout sent to /dev/null; resolves with wall time, exit code, sampled peak RSS and the CPU
 * seconds of its main thread and of all its other threads (workers, and the engine's own compiler and GC threads).
 */
export function timeChild(args, cwd, env = process.env) {
  return new Promise((resolve, reject) => {
    const devNull = fs.openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', devNull, 'pipe'] });
    fs.closeSync(devNull);
    let stderr = '';
    let peakMB = 0;
    const threadCpu = new Map();
    child.stderr.on('data', (chunk) => { stderr += chunk.toString('utf8'); });
    // VmHWM is the kernel's own high-water mark; sampling it often loses at most the last interval.
    const sampler = setInterval(async () => {
      const mem = await memoryOf(child.pid, readFile);
      if (mem?.hwmMB) peakMB = Math.max(peakMB, mem.hwmMB);
      for (const [tid, seconds] of (await threadCpuOf(child.pid, readFile, readdir)) ?? []) threadCpu.set(tid, seconds);
    }, 50);
    child.on('error', (error) => { clearInterval(sampler); reject(error); });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      const mainCpu = threadCpu.get(child.pid) ?? 0;
      const others = [...threadCpu].filter(([tid]) => tid !== child.pid).map(([, seconds]) => seconds);
      const otherCpu = others.reduce((sum, seconds) => sum + seconds, 0);
      const cpu = threadCpu.size > 0 ? { main: round(mainCpu, 2), others: round(otherCpu, 2), largestOther: round(Math.max(0, ...others), 2) } : undefined;
      resolve({ ms: performance.now() - started, code, signal, peakMB, cpu, stderr: stderr.slice(-500) });
    });
  });
}

/** The CPU seconds of a run's threads, as a note after its figures; nothing where they could not be read. */
function cpuNote(cpu) {
  return cpu ? `, CPU ${cpu.main} s main thread + ${cpu.others} s other threads (largest ${cpu.largestOther} s)` : '';
}

/** Measures lint and floor `runs` times each, in alternation, over `corpus` of `bytes` bytes. */
export async function measureCliThroughput({ repo, corpus, bytes, runs, log }) {
  const floorRuns = [];
  const lintRuns = [];
  const defaultJobs = defaultJobsOf(repo);
  const jobsRuns = new Map([...new Set([1, os.availableParallelism()])].filter((jobs) => jobs !== defaultJobs).map((jobs) => [jobs, []]));
  for (let i = 0; i < runs; i++) {
    const floor = await timeChild([path.join(repo, 'bench', 'floor.mjs'), corpus], repo);
    if (floor.code !== 0) throw new Error(`floor failed (${floor.code}): ${floor.stderr}`);
    floorRuns.push(floor);
    log(`  floor run ${i + 1}: ${(floor.ms / 1000).toFixed(2)} s`);
    const lint = await timeLint({ repo, corpus, cold: true });
    lintRuns.push(lint);
    log(`  lint run ${i + 1}, cold index: ${(lint.ms / 1000).toFixed(2)} s (exit ${lint.code}, peak RSS ~${lint.peakMB} MB${cpuNote(lint.cpu)})`);
    for (const [jobs, list] of jobsRuns) {
      const run = await timeLint({ repo, corpus, cold: true, extra: ['--jobs', String(jobs)] });
      list.push(run);
      log(`  lint --jobs ${jobs} run ${i + 1}, cold index: ${(run.ms / 1000).toFixed(2)} s (peak RSS ~${run.peakMB} MB${cpuNote(run.cpu)})`);
    }
  }
  const cached = await timeLint({ repo, corpus, cold: false });
  log(`  lint, second run (${cached.fromCache ?? 'the index NOT from cache'}): ${(cached.ms / 1000).toFixed(2)} s (peak RSS ~${cached.peakMB} MB)`);
  const floorMs = median(floorRuns.map((r) => r.ms));
  const lintMs = median(lintRuns.map((r) => r.ms));
  return {
    runs,
    floorSeconds: round(floorMs / 1000, 2),
    lintSeconds: round(lintMs / 1000, 2),
    floorMBps: round(bytes / 1e6 / (floorMs / 1000), 1),
    lintMBps: round(bytes / 1e6 / (lintMs / 1000), 1),
    ratio: round(lintMs / floorMs, 2),
    lintExitCodes: lintRuns.map((r) => r.code),
    lintPeakRssMB: Math.max(...lintRuns.map((r) => r.peakMB)),
    cachedSeconds: round(cached.ms / 1000, 2),
    cachedRatio: round(cached.ms / floorMs, 2),
    cachedIndex: cached.fromCache ?? null,
    lintCpu: lintRuns.at(-1)?.cpu ?? null,
    defaultJobs,
    jobsRows: [...jobsRuns].map(([jobs, list]) => ({
      jobs,
      seconds: round(median(list.map((r) => r.ms)) / 1000, 2),
      ratio: round(median(list.map((r) => r.ms)) / floorMs, 2),
      runsSeconds: list.map((r) => round(r.ms / 1000, 2)),
      cpu: list.at(-1)?.cpu ?? null,
    })),
    floorRunsSeconds: floorRuns.map((r) => round(r.ms / 1000, 2)),
    lintRunsSeconds: lintRuns.map((r) => round(r.ms / 1000, 2)),
  };
}
