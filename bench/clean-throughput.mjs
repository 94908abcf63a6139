/**
 * `vn-corpus clean` throughput on a JSON Lines corpus (100,000 records built from the seeds and, when present,
 * ../shared/corpus by pipelines/make-records.mjs): one process, then the Dask pipeline on a LocalCluster with
 * one worker and with one worker per core, and peak memory at a tenth of the records and at all of them. Every run writes its output to /dev/null and is timed whole
 * (counting pass included), with the machine's 1-minute load average at its end, since other work skews wall time. Alone: `node bench/clean-throughput.mjs [RECORDS]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticles, writeRecords } from '../pipelines/make-records.mjs';
import { memoryOf, round } from './stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with stdout to /dev/null; resolves with wall time, exit code, sampled peak RSS and stderr's tail. */
function timeChild(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const devNull = fs.openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', devNull, 'pipe'] });
    fs.closeSync(devNull);
    let stderr = '';
    let peakMB = 0;
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk.toString('utf8')).slice(-4000); });
    const sampler = setInterval(async () => {
      const mem = await memoryOf(child.pid, readFile);
      if (mem?.hwmMB) peakMB = Math.max(peakMB, mem.hwmMB);
    }, 100);
    child.on('error', (error) => { clearInterval(sampler); reject(error); });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, code, signal, peakMB, stderr, load: round(os.loadavg()[0]) });
    });
  });
}

/** A Python that can import dask.distributed, or why there is none. */
function findDaskPython() {
  for (const candidate of [process.env.VN_CORPUS_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['-c', 'import dask.distributed'], { stdio: 'ignore' });
    if (probe.status === 0) return { python: candidate };
  }
  return { reason: 'no Python with dask.distributed (apt-get install python3-distributed; npm test installs it)' };
}

/** Measures clean over `records` generated records: one process, and Dask with 1 and `workers` workers. */
export async function measureClean({ repo = REPO, records = 100_000, workers = os.cpus().length, tmp, log = () => undefined }) {
  const folders = [path.join(repo, 'seeds'), path.join(repo, '..', 'shared', 'corpus')].filter((d) => fs.existsSync(d));
  const articles = readArticles(folders);
  const input = path.join(tmp, 'records.jsonl');
  const out = fs.createWriteStream(input);
  await writeRecords(out, records, articles, false);
  await new Promise((resolve) => out.end(resolve));
  const bytes = fs.statSync(input).size;
  log(`  ${records} records, ${round(bytes / 1e6)} MB from ${articles.length} articles`);
  const rate = (run, n = records) => round(n / run.seconds, 0);
  const cleanOnce = async (file) => {
    const run = await timeChild(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'clean', file], tmp);
    if (run.code !== 0 && run.code !== 1) throw new Error(`clean exited ${run.code ?? run.signal}: ${run.stderr}`);
    return run;
  };
  // A tenth of the records first: memory that does not grow with the records shows as the same peak.
  const tenth = Math.round(records / 10);
  const smallInput = path.join(tmp, 'records-tenth.jsonl');
  const small = fs.createWriteStream(smallInput);
  await writeRecords(small, tenth, articles, false);
  await new Promise((resolve) => small.end(resolve));
  const smallRun = await cleanOnce(smallInput);
  log(`  1 process, ${tenth} records: ${smallRun.seconds.toFixed(1)} s, ${rate(smallRun, tenth)} records/s, peak RSS ${smallRun.peakMB} MB`);
  const single = await cleanOnce(input);
  log(`  1 process: ${single.seconds.toFixed(1)} s, ${rate(single)} records/s, peak RSS ${single.peakMB} MB`);
  const result = {
    records, MB: round(bytes / 1e6), articles: articles.length,
    tenth: { records: tenth, seconds: round(smallRun.seconds), recordsPerSecond: rate(smallRun, tenth), peakRssMB: smallRun.peakMB, load: smallRun.load },
    single: { seconds: round(single.seconds), recordsPerSecond: rate(single), peakRssMB: single.peakMB, load: single.load },
  };
  const dask = findDaskPython();
  if (!dask.python) return { ...result, dask: { skipped: dask.reason } };
  result.dask = {};
  for (const n of [...new Set([1, workers])]) {
    const summaryFile = path.join(tmp, `dask-${n}.json`);
    const args = [path.join(repo, 'pipelines', 'dask_clean.py'), input, '-o', '/dev/null', '--workers', String(n), '--summary-json', summaryFile, '--vn-corpus', `${process.execPath} ${path.join(repo, 'dist', 'cli.js')}`];
    const run = await timeChild(dask.python, args, tmp);
    if (run.code !== 0 && run.code !== 1) throw new Error(`dask_clean.py exited ${run.code ?? run.signal}: ${run.stderr}`);
    // Exit 1 also means "something removed", so the summary proves every record went through.
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    if (summary.records !== records) throw new Error(`dask_clean.py cleaned ${summary.records} of ${records} records: ${run.stderr}`);
    log(`  Dask, ${n} worker${n === 1 ? '' : 's'}: ${run.seconds.toFixed(1)} s, ${rate(run)} records/s`);
    result.dask[`workers${n}`] = { workers: n, seconds: round(run.seconds), recordsPerSecond: rate(run), load: run.load };
  }
  return result;
}

/** Table rows for `bench/run.mjs`. */
export function cleanRows(c) {
  if (!c) return [];
  if (c.error) return [['clean', `ERROR: ${c.error.slice(0, 100)}`, '', 'n/a']];
  const rows = [
    [`vn-corpus clean, 1 process, ${c.tenth.records.toLocaleString('en')} records`, `${c.tenth.recordsPerSecond} records/s (${c.tenth.seconds} s, peak RSS ${c.tenth.peakRssMB} MB, load ${c.tenth.load})`, '', ''],
    [`vn-corpus clean, 1 process, ${c.records.toLocaleString('en')} records (${c.MB} MB)`, `${c.single.recordsPerSecond} records/s (${c.single.seconds} s, peak RSS ${c.single.peakRssMB} MB, load ${c.single.load})`, '', ''],
  ];
  if (c.dask.skipped) rows.push(['clean on Dask', `not run: ${c.dask.skipped}`, '', 'n/a']);
  else for (const d of Object.values(c.dask)) rows.push([`clean on Dask, ${d.workers} worker${d.workers === 1 ? '' : 's'} (LocalCluster)`, `${d.recordsPerSecond} records/s (${d.seconds} s, load ${d.load})`, '', '']);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-bench-clean-'));
  const records = Number(process.argv[2] ?? 100_000);
  try {
    const result = await measureClean({ records, tmp, log: (m) => process.stderr.write(`${m}\n`) });
    for (const row of cleanRows(result)) console.log(`${row[0]}: ${row[1]}`);
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
