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
  const { RULES } = require(path.join(out, 'rules', 'registry.js'));
  const enabled = RULES.filter((r) => r.defaultSeverity !== 'off').map((r) => r.id);
  // Steps after the rules (facts, references, meetings) are sliced differently as the engine evolves, so they are numbered.
  const label = (i, count) => (i === 0 ? `ArticleText + ${enabled[0]}` : i < enabled.length ? enabled[i] : `post-rule step ${i - enabled.length + 1}/${count - enabled.length}`);
  const once = () => {
    const steps = analyzeSteps(text, defaultAnalysisOptions);
    const times = [];
    for (;;) {
      const started = performance.now();
      const next = steps.next();
      times.push(performance.now() - started);
      if (next.done) return times;
    }
  };
  for (let i = 0; i < 3; i++) once();
  const times = once();
  const named = times.map((ms, i) => ({ step: label(i, times.length), ms: round(ms) }));
  return {
    totalMs: round(times.reduce((a, b) => a + b, 0)),
    steps: named.length,
    longest: [...named].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}
