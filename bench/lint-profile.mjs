/**
 * Where the per-file time of `vn-corpus lint` goes: runs the CLI from the compiled modules (`server/out`, so
 * functions keep their names) under `node --cpu-prof` on a corpus, then shares the samples out to phases
 * (each sample to the innermost phase function on its stack; rules by their module) and lists the functions with
 * the most self time. Alone: `node bench/lint-profile.mjs <corpus folder> [repo]`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './stats.mjs';

/** Phase functions, by name; a sample belongs to the innermost one on its stack. */
const PHASES = {
  buildIndex: 'recurrence index (read + hash lines)',
  siteProfilesOf: 'site profiles',
  readText: 'read + decode',
  ArticleText: 'split lines',
  analyzeSteps: 'engine (between phases)',
  findingsSteps: 'engine (between phases)',
  findArticleZone: 'article zone',
  runRule: 'rules',
  findArticleFacts: 'article facts',
  findMentions: 'find references',
  resolveMentions: 'resolve references',
  resolveMentionsSteps: 'resolve references',
  familyOf: 'party/state family',
  yearContextOf: 'year evidence',
  addLines: 'sentences',
  findMeetingsSteps: 'meetings',
  hintsFor: 'neighbour years (listing, stat)',
  runLint: 'lint output',
};

/** Profiles one lint of `corpus` with the CLI of `repo`; returns the phases and top functions, with ms per file. */
export function measureLintProfile({ repo, corpus, top = 8, log = () => undefined }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-profile-'));
  try {
    const runner = path.join(dir, 'run.cjs');
    fs.writeFileSync(runner, `require(${JSON.stringify(path.join(repo, 'server', 'out', 'src', 'cli', 'main.js'))}).cliMain();\n`);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'prof')}`, runner, 'lint', corpus, '--format', 'json', '--jobs', '1'], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const wallMs = performance.now() - started;
    if (run.status !== 0 && run.status !== 1) throw new Error(`lint exited ${run.status ?? run.signal}: ${String(run.stderr).slice(-300)}`);
    const profiles = fs.readdirSync(path.join(dir, 'prof')).filter((f) => f.endsWith('.cpuprofile'));
    const files = countTxt(corpus);
    const summary = summarize(profiles.map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'prof', f), 'utf8'))), repo, files, top);
    log(`  profiled lint: ${(wallMs / 1000).toFixed(2)} s wall under the profiler, ${summary.samples} samples, ${files} files`);
    return { files, profiledWallSeconds: round(wallMs / 1000, 2), ...summary };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function countTxt(folder) {
  let n = 0;
  for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
    if (e.isDirectory()) n += countTxt(path.join(folder, e.name));
    else if (e.name.endsWith('.txt')) n++;
  }
  return n;
}

/** Phases (a partition of the samples) and top self-time functions of the profiles, as shares and ms per file. */
export function summarize(profiles, repo, files, top) {
  const phase = new Map();
  const self = new Map();
  let samples = 0;
  let profiledMs = 0;
  const where = (frame) => {
    const url = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
    return url.startsWith(repo) ? path.relative(path.join(repo, 'server', 'out'), url).replace(/\.js$/u, '.ts') : url;
  };
  for (const p of profiles) {
    profiledMs += (p.endTime - p.startTime) / 1000;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const hits = new Map();
    for (const s of p.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
    for (const [id, count] of hits) {
      samples += count;
      const leaf = byId.get(id).callFrame;
      const leafName = leaf.functionName.startsWith('RegExp: ') ? `regexp /${leaf.functionName.slice(8, 60)}…/` : `${leaf.functionName || '(anonymous)'} (${where(leaf) || 'native'})`;
      self.set(leafName, (self.get(leafName) ?? 0) + count);
      let name = 'other (start-up, GC, I/O outside the phases)';
      let rule;
      for (let x = id; x !== undefined; x = parent.get(x)) {
        const frame = byId.get(x).callFrame;
        if (frame.functionName === 'check' && where(frame).includes('rules/')) rule = path.basename(where(frame), '.ts');
        if (Object.hasOwn(PHASES, frame.functionName)) {
          name = frame.functionName === 'runRule' ? `rules: ${rule ?? 'engine'}` : PHASES[frame.functionName];
          break;
        }
      }
      phase.set(name, (phase.get(name) ?? 0) + count);
    }
  }
  const msPerFile = (count) => round((profiledMs * count) / samples / files, 3);
  const rows = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, count]) => ({ name, share: round(count / samples, 3), msPerFile: msPerFile(count) }));
  const rules = [...phase].filter(([k]) => k.startsWith('rules: ')).reduce((s, [, v]) => s + v, 0);
  return {
    samples,
    profiledMsPerFile: round(profiledMs / files, 3),
    phases: rows(new Map([...phase].filter(([k]) => !k.startsWith('rules: ')).concat([['rules (all)', rules]])), top + 4),
    rules: rows(new Map([...phase].filter(([k]) => k.startsWith('rules: '))), top),
    functions: rows(self, top),
  };
}

/** Table rows for bench/run.mjs. */
export function profileRows(p) {
  if (!p) return [];
  if (p.error) return [['lint profile', `ERROR: ${p.error.slice(0, 100)}`, '', 'n/a']];
  const list = (items) => items.map((i) => `${i.name} ${i.msPerFile}`).join('; ');
  return [
    ['lint per file, under the profiler', `${p.profiledMsPerFile} ms/file (${p.files} files)`, '', ''],
    ['lint per file: phases (ms/file)', list(p.phases), '', ''],
    ['lint per file: rules (ms/file)', list(p.rules), '', ''],
    ['lint per file: top self time (ms/file)', list(p.functions), '', ''],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const corpus = process.argv[2];
  if (!corpus) throw new Error('usage: node bench/lint-profile.mjs <corpus folder> [repo]');
  const repo = path.resolve(process.argv[3] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const p = measureLintProfile({ repo, corpus: path.resolve(corpus), top: 12, log: (m) => process.stderr.write(`${m}\n`) });
  const show = (title, items) => {
    console.log(title);
    for (const i of items) console.log(`  ${(100 * i.share).toFixed(1).padStart(5)} %  ${String(i.msPerFile).padStart(6)} ms/file  ${i.name}`);
  };
  console.log(`${p.files} files, ${p.profiledMsPerFile} ms per file under the profiler (${p.samples} samples)`);
  show('phases', p.phases);
  show('rules', p.rules);
  show('functions (self time)', p.functions);
}
