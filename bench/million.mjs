/**
 * `vn-corpus lint` over a million small articles (`npm run bench -- --million`): wall time and the peak RSS of the
 * lint process, whose VmHWM covers its worker threads. The files are written first, if the disk has room for them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timeLint } from './cli-throughput.mjs';
import { buildSmallCorpus } from './corpus.mjs';
import { round } from './stats.mjs';

/** What a file takes on disk at most (a 4 KiB block for an article under 1 KB), with room to spare. */
const BYTES_PER_FILE = 8 * 1024;

/** Builds `files` small articles under `tmp` and times a lint over them without the index cache, then one with the cache it left. */
export async function measureMillion({ repo, tmp, sources, files, log }) {
  const { bavail, bsize } = fs.statfsSync(tmp);
  const free = bavail * bsize;
  const needed = files * BYTES_PER_FILE;
  if (free < needed) throw new Error(`not run: ${round(free / 2 ** 30)} GiB free in ${tmp}, ${round(needed / 2 ** 30)} GiB needed`);
  const started = performance.now();
  const corpus = buildSmallCorpus(path.join(tmp, 'ws-million'), sources, files);
  const buildSeconds = round((performance.now() - started) / 1000, 1);
  log(`[bench] ${files} small files, ${round(corpus.bytes / 1e6)} MB written in ${buildSeconds} s`);
  const cold = await timeLint({ repo, corpus: corpus.root, cold: true });
  log(`  lint, cold index: ${round(cold.ms / 1000)} s, peak RSS ${cold.peakMB} MB`);
  const cached = await timeLint({ repo, corpus: corpus.root, cold: false });
  log(`  lint, index from cache: ${round(cached.ms / 1000)} s, peak RSS ${cached.peakMB} MB (${cached.fromCache ?? 'the cache was NOT used'})`);
  const figures = (run) => ({ seconds: round(run.ms / 1000), peakRssMB: run.peakMB, exit: run.code });
  return {
    files, MB: round(corpus.bytes / 1e6), buildSeconds,
    cold: figures(cold), cached: { ...figures(cached), index: cached.fromCache },
  };
}
