/**
 * LSP latency: single-character incremental edits (insert, then delete, so the size stays stable) at seeded
 * random positions, each timed from sending didChange to receiving publishDiagnostics for that version.
 * Every edit waits for its own diagnostics, so no analysis is cancelled by a newer version.
 * Optionally, during each edit's analysis, a hover on another (small) open document is timed.
 */
import { summarize, median, round } from './stats.mjs';

/** Line lengths in UTF-16 units, split the way LSP counts lines. */
export function lineLengths(text) {
  return text.split(/\r\n|\r|\n/u).map((l) => l.length);
}

/** The next edit: even steps insert one letter, odd steps delete one character; `lengths` is kept current. */
function nextEdit(step, lengths, random) {
  if (step % 2 === 0) {
    const line = Math.floor(random() * lengths.length);
    const character = Math.floor(random() * (lengths[line] + 1));
    lengths[line]++;
    return { range: { start: { line, character }, end: { line, character } }, text: 'ư' };
  }
  for (;;) {
    const line = Math.floor(random() * lengths.length);
    if (lengths[line] === 0) continue;
    const character = Math.floor(random() * lengths[line]);
    lengths[line]--;
    return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `text` as `uri`, then runs `warmup` untimed and `count` timed edits.
 * With `pull`, the client pulls the diagnostics after each change, as VS Code does, and each edit is timed from
 * sending didChange to the pull's answer; the answers that were "unchanged" are counted.
 * When `hover` is given ({ uri, position }), every `hoverEvery`-th timed edit also sends that hover after a delay
 * spread over the expected analysis time (from the warm-up edits), and records its latency and whether the
 * edit's diagnostics were still pending when it was sent. Those edits count in the latency figures too.
 */
export async function measureEdits({ client, uri, text, count, warmup, random, timeoutMs, hover, hoverEvery = 1, log, pull = false }) {
  const lengths = lineLengths(text);
  const opened = performance.now();
  let held;
  const first = pull ? await client.openOnly(uri, text).then(() => client.pull(uri, undefined, timeoutMs)) : await client.open(uri, text, timeoutMs);
  held = first.resultId;
  const openMs = first.at - opened;
  let unchanged = 0;
  let version = 1;
  const latencies = [];
  const hovers = [];
  let diagnosticsCount = first.count;
  let expected = openMs;
  for (let step = 0; step < warmup + count; step++) {
    const timed = step >= warmup;
    if (step === warmup && warmup > 0) expected = median(latencies.splice(0));
    const edit = nextEdit(step, lengths, random);
    version++;
    const waiting = pull ? undefined : client.waitForDiagnostics(uri, version, timeoutMs);
    const sentAt = await client.change(uri, version, edit.range, edit.text);
    const pulled = pull ? client.pull(uri, held, timeoutMs) : undefined;
    let hoverDone;
    const timedStep = step - warmup;
    if (hover && timed && timedStep % hoverEvery === 0) {
      const trials = Math.ceil(count / hoverEvery);
      const delay = ((timedStep / hoverEvery + 0.5) / trials) * 0.8 * expected;
      hoverDone = sleep(delay).then(async () => {
        const at = performance.now();
        const answer = await client.hover(hover.uri, hover.position, timeoutMs);
        return { at, ms: performance.now() - at, answered: answer !== null };
      });
    }
    const diag = await (pulled ?? waiting);
    if (pull) {
      held = diag.resultId;
      if (diag.kind === 'unchanged' && timed) unchanged++;
    }
    if (diag.count !== undefined) diagnosticsCount = diag.count;
    latencies.push(diag.at - sentAt);
    if (hoverDone) {
      const h = await hoverDone;
      hovers.push({ ...h, duringAnalysis: h.at < diag.at });
    }
    if (log && timed && (step - warmup + 1) % 50 === 0) log(`    ${step - warmup + 1}/${count} edits`);
  }
  const result = { openMs: round(openMs), diagnostics: diagnosticsCount, warmupEdits: warmup, ...(pull ? { unchanged } : {}), ...summarize(latencies) };
  if (!hover) return result;
  const during = hovers.filter((h) => h.duringAnalysis);
  return {
    ...result,
    hover: {
      trials: hovers.length,
      sentDuringAnalysis: during.length,
      answeredNonNull: hovers.filter((h) => h.answered).length,
      ...summarize(during.map((h) => h.ms)),
    },
  };
}

/** Latency of `count` hovers on a document while the server is otherwise idle. */
export async function measureIdleHover(client, uri, position, count) {
  const samples = [];
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const at = performance.now();
    if ((await client.hover(uri, position)) !== null) answered++;
    samples.push(performance.now() - at);
  }
  return { ...summarize(samples), answeredNonNull: answered };
}
