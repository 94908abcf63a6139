/**
 * Workspace index: a fresh server with the benchmark workspace as its folder, timed from spawn to the
 * server's own "indexed N article files in M ms" log message, with the process's peak RSS (VmHWM) at that moment.
 * The second run starts another fresh server that finds the cache the first one persisted.
 */
import { readFile } from 'node:fs/promises';
import { BenchClient } from './lsp-client.mjs';
import { memoryOf, round } from './stats.mjs';

const INDEXED = /indexed (\d+) article files in (\d+) ms/u;

/** Starts a server on `ws`, waits for the index, and returns the figures (and the client when `keepOpen`). */
export async function measureIndex({ repo, ws, cacheDir, timeoutMs, keepOpen = false }) {
  const client = BenchClient.spawn(repo);
  try {
    await client.initialize({ workspace: ws, cacheDir });
    const log = await client.waitForLog(INDEXED, timeoutMs);
    const mem = await memoryOf(client.child.pid, readFile);
    const match = INDEXED.exec(log.message);
    const result = {
      files: Number(match?.[1]),
      serverReportedMs: Number(match?.[2]),
      spawnToIndexedSeconds: round((log.at - client.spawnedAt) / 1000, 2),
      peakRssMB: mem?.hwmMB ?? null,
    };
    if (keepOpen) return { result, client };
    await client.close();
    return { result };
  } catch (error) {
    await client.close();
    throw error;
  }
}
