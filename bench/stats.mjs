/**
 * Small numeric and formatting helpers shared by the benchmark sections.
 */

/** The value below which a share `p` (0..1) of the sorted samples fall (nearest rank). */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

/** The median of the samples. */
export function median(samples) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** p50, p95 and max of latency samples, rounded to 0.1 ms. */
export function summarize(samples) {
  return {
    n: samples.length,
    p50: round(percentile(samples, 0.5)),
    p95: round(percentile(samples, 0.95)),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
  };
}

/** Rounds to `digits` decimals, keeping NaN as null for JSON. */
export function round(value, digits = 1) {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A seeded pseudo-random generator (mulberry32), so every run edits the same positions. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "met" or "MISSED" for a value that should stay at or below a limit; "n/a" when there is no value. */
export function verdict(value, limit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value <= limit ? 'met' : 'MISSED';
}

/** Renders rows of [metric, value, target, status] as an aligned text table. */
export function formatTable(rows) {
  const header = ['metric', 'value', 'target', 'status'];
  const all = [header, ...rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** Bytes as MB (10^6), one decimal. */
export function mb(bytes) {
  return round(bytes / 1e6, 1);
}

/** Reads VmHWM and VmRSS (in MB) of a Linux process, or undefined when /proc is not readable. */
export async function memoryOf(pid, readFile) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { hwmMB: round((kb('VmHWM') * 1024) / 1e6, 1), rssMB: round((kb('VmRSS') * 1024) / 1e6, 1) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) of each thread of a process, by thread id, from each `/proc/<pid>/task/<tid>/stat`;
 * undefined where there is no /proc. Threads that ended are missing, so callers keep the last sample of each.
 */
export async function threadCpuOf(pid, readFile, readdir) {
  try {
    const ticksPerSecond = 100;
    const out = new Map();
    for (const tid of await readdir(`/proc/${pid}/task`)) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => undefined);
      // Fields after the parenthesised name: state is the 1st, utime the 12th, stime the 13th.
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields) out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / ticksPerSecond);
    }
    return out;
  } catch {
    return undefined;
  }
}
