/**
 * In-process timing of each step of `analyzeSteps` (the slices between which the server yields to its event loop)
 * for keystrokes: the text with a letter inserted at one of five places, each analysed from the previous version's
 * text as the server does, and each step's median over the five. The longest step bounds how long a request can wait behind a running analysis, so it explains
 * the hover figure. Runs with default options (no workspace index, built-in rules only), after three untimed
 * analyses to warm the JIT and the line memos.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { median, round } from './stats.mjs';

const EDITS = 5;

/** Per-step milliseconds of analysing `text` with one edit, from the analysis before it, with the longest steps first. */
export function measureSteps(repo, text, top = 4) {
  const require = createRequire(import.meta.url);
  const out = path.join(repo, 'server', 'out', 'src', 'core');
  const { analyzeSteps, defaultAnalysisOptions } = require(path.join(out, 'analyze.js'));
  // The engine yields the name of each step it finished; the last slice (sorting, returning) is named here.
  const once = (version, previous) => {
    const steps = analyzeSteps(version, defaultAnalysisOptions, undefined, undefined, previous);
    const named = [];
    for (;;) {
      const started = performance.now();
      const next = steps.next();
      named.push({ step: next.done ? 'final sort' : next.value, ms: performance.now() - started });
      if (next.done) return { named, doc: next.value };
    }
  };
  let previous;
  for (let i = 0; i < 3; i++) previous = once(text, previous).doc;
  const samples = new Map();
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor((text.length * (i + 0.5)) / EDITS);
    const run = once(`${text.slice(0, at)}ư${text.slice(at)}`, previous);
    previous = run.doc;
    for (const s of run.named) samples.set(s.step, [...(samples.get(s.step) ?? []), s.ms]);
  }
  const named = [...samples].map(([step, ms]) => ({ step, ms: round(median(ms)) }));
  const times = named.map((s) => s.ms);
  return {
    totalMs: round(times.reduce((a, b) => a + b, 0)),
    steps: named.length,
    longest: [...named].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}
