/**
 * Server spawn → initialize result, cold and warm: a cold start finds no V8 code cache (an empty cache folder of its
 * own), a warm one finds the cache an earlier start stored. The two alternate, so machine load hits both alike.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchClient } from './lsp-client.mjs';
import { median, round } from './stats.mjs';

async function startOnce(repo, cacheDir) {
  const client = BenchClient.spawn(repo, { env: { VN_CORPUS_CODE_CACHE: cacheDir } });
  try {
    return await client.initialize();
  } finally {
    await client.close();
  }
}

function summary(samples) {
  return { runs: samples.length, medianMs: round(median(samples)), minMs: round(Math.min(...samples)), maxMs: round(Math.max(...samples)) };
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
