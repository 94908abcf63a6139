/**
 * In-process timing of each step of `analyzeSteps` (the slices between which the server yields to its event loop).
 * The longest step bounds how long a request can wait behind a running analysis, so it explains the hover figure.
 * Runs with default options (no workspace index, built-in rules only), after three untimed runs to warm the JIT and line memos.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { round } from './stats.mjs';

/** Per-step milliseconds of the second analysis of `text`, with the longest steps first. */
export function measureSteps(repo, text, top = 4) {
  const require = createRequire(import.meta.url);
  const out = path.join(repo, 'server', 'out', 'src', 'core');
  const { analyzeSteps, defaultAnalysisOptions } = require(path.join(out, 'analyze.js'));
  // The engine yields the name of each step it finished; the last slice (sorting, returning) is named here.
  const once = () => {
    const steps = analyzeSteps(text, defaultAnalysisOptions);
    const named = [];
    for (;;) {
      const started = performance.now();
      const next = steps.next();
      named.push({ step: next.done ? 'final sort' : next.value, ms: performance.now() - started });
      if (next.done) return named;
    }
  };
  for (let i = 0; i < 3; i++) once();
  const named = once().map((s) => ({ step: s.step, ms: round(s.ms) }));
  const times = named.map((s) => s.ms);
  return {
    totalMs: round(times.reduce((a, b) => a + b, 0)),
    steps: named.length,
    longest: [...named].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}
