// Measures meetings through the real language server: each article is opened over stdio and its outline
// (textDocument/documentSymbol) is read back. For the seeds (eval/gold) and the dev labels (../shared/dev-labels):
// primary meetings found with the right date (an Event symbol of the file carries the gold ISO date), with the right
// kind, organizer (whole phrase, and overlap) and chair (name) overlap; extra meetings per article; the same for all
// labelled meetings. Usage: node eval/meetings.mjs [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { goldPairs } from './boilerplate.mjs';
import { outlineOf, startServer } from './lsp-outline.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const DEV_LABELS = path.join(root, '..', 'shared', 'dev-labels');
const CORPUS = path.join(root, '..', 'shared', 'corpus');

// "khóa 14" and "khóa XIV" name the same term; quotes, brackets, commas, dashes and spacing do not change a name
// ("Bộ Văn hóa, Thể thao và Du lịch" is written with and without its commas).
const ROMAN = { 10: 'x', 11: 'xi', 12: 'xii', 13: 'xiii', 14: 'xiv', 15: 'xv', 16: 'xvi', 17: 'xvii', 18: 'xviii', 19: 'xix', 20: 'xx' };
const norm = (s) => (s ?? '').normalize('NFC').toLowerCase().replace(/[“”"(),]/gu, ' ').replace(/\s+[-–]\s+/gu, ' ').replace(/(?:khóa|khoá)\s+(\d{2})(?!\d)/gu, (m, n) => (ROMAN[n] ? `khóa ${ROMAN[n]}` : m)).replace(/\s+/gu, ' ').trim();
const words = (s) => new Set(norm(s).split(/[^\p{L}\p{M}\d]+/u).filter(Boolean));
const overlap = (a, b) => {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
};
const nameOf = (s) => norm((s ?? '').split(',')[0].replace(/\s*\(.*$/u, ''));
const sameName = (a, b) => Boolean(a && b) && (norm(a).includes(nameOf(b)) || norm(b).includes(nameOf(a)));

/** Scores one article's Events against its labelled meetings. */
function scoreArticle(file, gold, events) {
  const used = new Set();
  const rows = [];
  const meetings = [...gold].sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)));
  for (const g of meetings) {
    // The same meeting: the same ISO date; else the same day and month with the year left unknown; else, for an
    // undated label, an undated Event of the same kind on the same line.
    let i = g.date ? events.findIndex((e, j) => !used.has(j) && e.date === g.date) : -1;
    const dayMonth = g.date?.slice(4);
    if (i < 0 && dayMonth) i = events.findIndex((e, j) => !used.has(j) && !e.date && e.when.startsWith('????') && e.when.slice(4) === dayMonth);
    if (i < 0 && !g.date) i = events.findIndex((e, j) => !used.has(j) && !e.date && e.line === g.line && e.kind === g.kind);
    const e = events[i];
    if (e) used.add(i);
    rows.push({
      file, primary: Boolean(g.primary), dated: Boolean(g.date), matched: Boolean(e),
      found: Boolean(e) && (g.date ? e.date === g.date : true), yearUnknown: Boolean(e) && Boolean(g.date) && !e.date,
      kindOk: Boolean(e) && e.kind === g.kind,
      organizerExact: g.organizer ? Boolean(e?.organizer) && norm(e.organizer) === norm(g.organizer) : null,
      organizerOverlap: g.organizer ? overlap(e?.organizer ?? '', g.organizer) : null,
      chairOk: g.chair ? sameName(e?.chair, g.chair) : null,
      gold: g, got: e,
    });
  }
  const extra = events.filter((_, j) => !used.has(j));
  return { rows, extra };
}

function summarize(label, articles) {
  const rows = articles.flatMap((a) => a.rows);
  const extra = articles.reduce((n, a) => n + a.extra.length, 0);
  const primary = rows.filter((r) => r.primary && r.dated);
  const pct = (k, of) => `${of.filter((r) => r[k]).length}/${of.length}`;
  const mean = (k, of) => { const xs = of.filter((r) => r[k] !== null); return xs.length ? `${(xs.reduce((n, r) => n + r[k], 0) / xs.length).toFixed(2)} (n=${xs.length})` : 'n/a'; };
  const rate = (k, of) => { const xs = of.filter((r) => r[k] !== null); return `${xs.filter((r) => r[k]).length}/${xs.length}`; };
  console.log(`${label}: ${articles.length} articles`);
  console.log(`  primary (dated): found with the right date ${pct('found', primary)}, found with the year unknown ${pct('yearUnknown', primary)}, right kind ${pct('kindOk', primary)}, organizer whole phrase ${rate('organizerExact', primary)}, organizer overlap ${mean('organizerOverlap', primary)}, chair ${rate('chairOk', primary)}`);
  console.log(`  all meetings: found ${pct('found', rows)}, right kind ${pct('kindOk', rows)}, organizer whole phrase ${rate('organizerExact', rows)}, organizer overlap ${mean('organizerOverlap', rows)}, chair ${rate('chairOk', rows)}`);
  console.log(`  extra meetings ${extra} (${(extra / Math.max(1, articles.length)).toFixed(2)} per article)`);
  return { articles: articles.length, primaryFound: primary.filter((r) => r.found).length, primary: primary.length, extraPerArticle: extra / Math.max(1, articles.length) };
}

async function evaluate(label, pairs, workspace, verbose, settings = {}) {
  const server = await startServer(root, workspace, settings);
  const articles = [];
  try {
    for (const [textFile, goldFile] of pairs) {
      const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')).meetings ?? [];
      const events = await outlineOf(server, pathToFileURL(textFile).toString(), fs.readFileSync(textFile, 'utf8'));
      const scored = scoreArticle(path.basename(textFile), gold, events);
      articles.push(scored);
      if (verbose) {
        for (const r of scored.rows) {
          if (!r.primary && !r.found) continue;
          console.log(`  ${r.found ? "found" : "MISS "} ${r.primary ? "P" : " "} ${r.file} ${r.gold.kind} ${r.gold.date ?? "-"} got ${r.got ? `${r.got.kind} ${r.got.date ?? r.got.when}` : "-"} | org ${r.got?.organizer ?? "-"} / ${r.gold.organizer ?? "-"} | chair ${r.got?.chair ?? "-"} / ${r.gold.chair ?? "-"}`);
        }
        for (const e of scored.extra) console.log(`  extra   ${path.basename(textFile)} ${e.kind} ${e.date ?? e.when} ${e.name.slice(0, 60)}`);
      }
    }
  } finally {
    await server.close();
  }
  return summarize(label, articles);
}

const verbose = process.argv.includes('--verbose');
const seeds = await evaluate('seeds (eval/gold)', goldPairs(), path.join(root, 'seeds'), verbose);
let dev = null;
let devWithPeriod = null;
if (!fs.existsSync(DEV_LABELS) || !fs.existsSync(CORPUS)) {
  console.log(`dev labels: skipped (${DEV_LABELS} or ${CORPUS} is absent; the dev labels are shared data, not part of the repository)`);
} else {
  const pairs = fs.readdirSync(DEV_LABELS).filter((f) => f.endsWith('.labels.json')).sort()
    .map((f) => [path.join(CORPUS, f.replace(/\.labels\.json$/u, '.txt')), path.join(DEV_LABELS, f)])
    .filter(([t]) => fs.existsSync(t));
  dev = await evaluate('dev labels (../shared/dev-labels)', pairs, CORPUS, verbose);
  // The corpus's SOURCES.md says the articles were scraped in 2017: the period setting a user of it would give.
  devWithPeriod = await evaluate('dev labels with vnCorpus.meetings.period "2017"', pairs, CORPUS, false, { meetings: { period: '2017' } });
}
console.log(JSON.stringify({ seeds, dev, devWithPeriod }));
