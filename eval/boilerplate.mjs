// Measures boilerplate detection through the real server (dist/server.js --stdio): precision, recall and
// article lines flagged, per site and in total, for the seeds (eval/gold/, with fix-all exactness) and for the
// dev set of other sites (../shared/devset/, scored like its score.py, which is also run when python3 is found).
// Each page is opened alone, with no workspace folder: no corpus recurrence helps. "Certain only" counts the lines
// fix-all would remove (certain findings), the rest counts certain and probable findings alike.
// Usage: node eval/boilerplate.mjs [--lines] [--devset DIR]   (--lines lists every missed or wrongly flagged line)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flaggedLines, lintThroughServer, splitLines, startServer } from './lsp-eval.mjs';
import { applyDisagreements, readDisagreements } from './label-disagreements.mjs';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const listLines = args.includes('--lines');
const devsetDir = args.includes('--devset') ? path.resolve(args[args.indexOf('--devset') + 1] ?? '') : path.join(repo, '..', 'shared', 'devset');

/** The seeds with their hand labels: site "seeds", ambiguous lines left out of the score. */
function seedPages() {
  const goldDir = path.join(repo, 'eval', 'gold');
  return fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort().map((g) => {
    const gold = JSON.parse(fs.readFileSync(path.join(goldDir, g), 'utf8'));
    const ambiguous = new Set(Object.entries(gold.line_notes ?? {}).filter(([, n]) => n.ambiguous).map(([l]) => Number(l)));
    return {
      name: g.replace(/\.json$/u, '.txt'), site: 'seeds', file: path.join(repo, 'seeds', g.replace(/\.json$/u, '.txt')),
      boilerplate: gold.boilerplate_lines.filter((l) => !ambiguous.has(l)), body: gold.body_lines.filter((l) => !ambiguous.has(l)),
      kept: gold.body_lines, ambiguous,
    };
  });
}

/** The dev set's pages: neutral lines (captions, datelines, bylines) are not scored, as in its score.py. */
function devsetPages(dir) {
  const pages = path.join(dir, 'pages');
  return fs.readdirSync(pages).filter((f) => f.endsWith('.gold.json')).sort().map((g) => {
    const gold = JSON.parse(fs.readFileSync(path.join(pages, g), 'utf8'));
    const neutral = new Set(gold.neutral_lines ?? []);
    return {
      name: g.replace(/\.gold\.json$/u, '.txt'), site: gold.site ?? g.replace(/-\d+\.gold\.json$/u, ''), file: path.join(pages, g.replace(/\.gold\.json$/u, '.txt')),
      boilerplate: gold.boilerplate_lines, body: gold.body_lines.filter((l) => !neutral.has(l)),
    };
  });
}

/** Scores one page: whitespace-only lines are never counted. */
function scorePage(page, flagged, lines) {
  const scored = (l) => (lines[l] ?? '').trim() !== '';
  const bp = page.boilerplate.filter(scored);
  const body = page.body.filter(scored);
  return {
    name: page.name, site: page.site, tp: bp.filter((l) => flagged.has(l)).length, boilerplate: bp.length, bodyLines: body.length,
    missed: bp.filter((l) => !flagged.has(l)), bodyFlagged: body.filter((l) => flagged.has(l)),
  };
}

function fixAllExact(page, fixedText, lines) {
  const nonBlank = (l) => l.trim() !== '';
  const ambiguousText = new Set([...page.ambiguous].map((l) => lines[l]));
  const got = splitLines(fixedText).filter(nonBlank).filter((l) => !ambiguousText.has(l));
  const want = page.kept.map((l) => lines[l]).filter((l) => l !== undefined && nonBlank(l) && !ambiguousText.has(l));
  return JSON.stringify(got) === JSON.stringify(want);
}

function total(rows) {
  const sum = (k) => rows.reduce((n, r) => n + (Array.isArray(r[k]) ? r[k].length : r[k]), 0);
  const tp = sum('tp');
  const flagged = tp + sum('bodyFlagged');
  const boilerplate = sum('boilerplate');
  return {
    tp, flagged, precision: flagged === 0 ? 1 : tp / flagged, recall: boilerplate === 0 ? 1 : tp / boilerplate, bodyFlagged: sum('bodyFlagged'), bodyLines: sum('bodyLines'),
    certainRecall: boilerplate === 0 ? 1 : sum('certainTp') / boilerplate, certainBodyFlagged: sum('certainBodyFlagged'),
  };
}

function printSet(title, rows) {
  console.log(`\n${title}`);
  console.log('page / site                 P      R      article lines flagged   certain only: R, article lines');
  const line = (label, t) => console.log(`${label.padEnd(26)}${t.precision.toFixed(3).padStart(6)} ${t.recall.toFixed(3).padStart(6)}   ${`${t.bodyFlagged}/${t.bodyLines}`.padEnd(22)}${t.certainRecall.toFixed(3).padStart(6)}  ${t.certainBodyFlagged}`);
  for (const r of rows) line(`  ${r.name}`, total([r]));
  const sites = [...new Set(rows.map((r) => r.site))];
  for (const site of sites) line(site, total(rows.filter((r) => r.site === site)));
  const all = total(rows);
  line('ALL', all);
  if (listLines) for (const r of rows) console.log(`  ${r.name}: missed ${JSON.stringify(r.missed)} article lines flagged ${JSON.stringify(r.bodyFlagged)}`);
  return all;
}

/** Runs the dev set's own scorer on the same predictions, as the reference. */
function referenceScore(dir, predictions) {
  const scorer = path.join(dir, 'score.py');
  const python = spawnSync('python3', ['--version']);
  if (python.error || !fs.existsSync(scorer)) return 'not run (python3 or score.py missing)';
  const predFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-eval-')), 'pred.json');
  fs.writeFileSync(predFile, JSON.stringify(predictions));
  const run = spawnSync('python3', [scorer, predFile], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().split('\n').filter((l) => /^ALL/u.test(l)).join('\n') : `failed: ${run.stderr.trim()}`;
}

/**
 * The corpus has no boilerplate labels; it is nearly all article text, so every line flagged there is listed by
 * rule and tier for a reader to check (`--lines` prints them).
 */
async function corpusFlags(client, dir) {
  const counts = new Map();
  const listed = [];
  let lines = 0;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const name of files) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const textLines = splitLines(text);
    lines += textLines.filter((l) => l.trim() !== '').length;
    const { diagnostics } = await lintThroughServer(client, path.join(dir, name), text);
    for (const d of diagnostics) {
      if (typeof d.code !== 'string' || !d.code.startsWith('boilerplate/') || d.data?.tier === 'weak') continue;
      const whole = flaggedLines([d], text);
      const key = `${d.code} (${d.data?.tier})`;
      const counted = whole.size > 0 ? key : `${key}, part of a line`;
      counts.set(counted, (counts.get(counted) ?? 0) + Math.max(whole.size, 1));
      for (const l of whole) listed.push(`  ${name}:${l} ${d.code} ${(textLines[l] ?? '').slice(0, 100)}`);
    }
  }
  console.log(`\nCorpus (${dir}, ${files.length} files, ${lines} non-blank lines, no labels), through the server: whole lines flagged by rule and tier`);
  for (const [key, n] of [...counts.entries()].sort()) console.log(`  ${key}: ${n}`);
  const byFile = new Map();
  for (const l of listed) {
    const [file, rest] = l.trim().split(':');
    byFile.set(file, (byFile.get(file) ?? new Set()).add(rest?.split(' ')[0]));
  }
  console.log(`  files with a whole line flagged: ${[...byFile.entries()].map(([f, set]) => `${f} (${set.size} distinct lines)`).join(', ') || 'none'}`);
  if (listLines) for (const l of listed) console.log(l);
}

async function evaluate(client, pages) {
  const rows = [];
  const predictions = {};
  for (const page of pages) {
    const text = fs.readFileSync(page.file, 'utf8');
    const lines = splitLines(text);
    const { diagnostics, fixedText } = await lintThroughServer(client, page.file, text);
    const flagged = flaggedLines(diagnostics, text);
    predictions[page.name] = [...flagged].sort((a, b) => a - b);
    const certain = scorePage(page, flaggedLines(diagnostics, text, { certainOnly: true }), lines);
    rows.push({ ...scorePage(page, flagged, lines), certainTp: certain.tp, certainBodyFlagged: certain.bodyFlagged, ...(page.kept ? { fixAllExact: fixAllExact(page, fixedText, lines) } : {}), flagged });
  }
  return { rows, predictions };
}

/** Pairs of [text file, gold file] from a folder of X.txt + X.gold.json, or the seeds with eval/gold (for the other evals). */
export function goldPairs(folder) {
  if (folder) {
    return fs.readdirSync(folder).filter((f) => f.endsWith('.gold.json')).sort()
      .map((g) => [path.join(folder, g.replace(/\.gold\.json$/u, '.txt')), path.join(folder, g)]);
  }
  const goldDir = path.join(repo, 'eval', 'gold');
  return fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()
    .map((g) => [path.join(repo, 'seeds', g.replace(/\.json$/u, '.txt')), path.join(goldDir, g)]);
}

async function main() {
const client = await startServer(repo);
const summary = {};
try {
  const seeds = await evaluate(client, seedPages());
  const seedTotal = printSet('Seeds (eval/gold/), through the server', seeds.rows);
  const exact = seeds.rows.filter((r) => r.fixAllExact).length;
  console.log(`fix-all exact ${exact}/${seeds.rows.length}${exact < seeds.rows.length ? ` (not exact: ${seeds.rows.filter((r) => !r.fixAllExact).map((r) => r.name).join(', ')})` : ''}`);
  summary.seeds = { precision: seedTotal.precision, recall: seedTotal.recall, bodyLinesFlagged: seedTotal.bodyFlagged, fixAllExact: exact, files: seeds.rows.length };
  if (!fs.existsSync(path.join(devsetDir, 'pages'))) {
    console.log(`\nDev set skipped: ${path.join(devsetDir, 'pages')} does not exist (the dev set lives outside the repository, in ../shared/devset).`);
  } else {
    const pages = devsetPages(devsetDir);
    const dev = await evaluate(client, pages);
    const devTotal = printSet(`Dev set (${devsetDir}), through the server, labels as given`, dev.rows);
    console.log(`reference scorer (score.py): ${referenceScore(devsetDir, dev.predictions)}`);
    summary.devset = { precision: devTotal.precision, recall: devTotal.recall, bodyLinesFlagged: devTotal.bodyFlagged, bodyLines: devTotal.bodyLines, files: dev.rows.length };
    const disagreements = readDisagreements(path.join(repo, 'eval', 'label-disagreements.md'));
    const corrected = applyDisagreements(pages, disagreements, (p) => splitLines(fs.readFileSync(p.file, 'utf8')));
    const rescored = corrected.map((p) => scorePage(p, dev.rows.find((r) => r.name === p.name)?.flagged ?? new Set(), splitLines(fs.readFileSync(p.file, 'utf8'))));
    const fixed = total(rescored);
    console.log(`with the ${disagreements.length} label disagreements of eval/label-disagreements.md applied: P ${fixed.precision.toFixed(3)} R ${fixed.recall.toFixed(3)} article lines flagged ${fixed.bodyFlagged}/${fixed.bodyLines}`);
  }
  const corpusDir = path.join(repo, '..', 'shared', 'corpus');
  if (fs.existsSync(corpusDir)) await corpusFlags(client, corpusDir);
  else console.log(`\nCorpus check skipped: ${corpusDir} does not exist (the corpus lives outside the repository).`);
} finally {
  await client.close();
}
console.log(JSON.stringify(summary));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
