/**
 * Server spawn → initialize result, cold and warm: a cold start finds no V8 code cache (an empty cache folder of its
 * own), a warm one finds the cache an earlier start stored. The two alternate, so machine load hits both alike, and
 * the server's own CPU time is reported beside the wall time, as it moves less with the load of the machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchClient } from './lsp-client.mjs';
import { median, round } from './stats.mjs';

/** Wall time from spawn to the initialize result, and the CPU time the server's main thread had used by then. */
async function startOnce(repo, cacheDir) {
  const client = BenchClient.spawn(repo, { env: { VN_CORPUS_CODE_CACHE: cacheDir } });
  try {
    const wallMs = await client.initialize();
    return { wallMs, cpuMs: mainThreadCpuMs(client.child.pid) };
  } finally {
    await client.close();
  }
}

/** On Linux, the first field of /proc/PID/schedstat is the time the main thread ran, in ns; elsewhere undefined. */
function mainThreadCpuMs(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

function summary(samples) {
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.map((s) => s.cpuMs).filter((ms) => ms !== undefined);
  return {
    runs: samples.length, medianMs: round(median(wall)), minMs: round(Math.min(...wall)), maxMs: round(Math.max(...wall)),
    ...(cpu.length ? { cpuMedianMs: round(median(cpu)) } : {}),
  };
}

/** Starts the server `runs` times cold and `runs` times warm; returns both summaries. */
export async function measureStartup(repo, runs) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-start-'));
  try {
    const warmDir = path.join(tmp, 'warm');
    await startOnce(repo, warmDir);
    const cached = fs.existsSync(warmDir) && fs.readdirSync(warmDir).some((f) => f.endsWith('.v8cache'));
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      cold.push(await startOnce(repo, path.join(tmp, `cold-${i}`)));
      warm.push(await startOnce(repo, warmDir));
    }
    return { cold: summary(cold), warm: { ...summary(warm), cacheWritten: cached } };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
