// Measures meeting extraction against hand labels: meetings found (same line and kind), dates (ISO, or the year
// when only that is known), organizer, chair and directors (by name). Usage: node eval/meetings.mjs [folder]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { goldPairs } from './boilerplate.mjs';

const require = createRequire(import.meta.url);
const { analyze, defaultAnalysisOptions } = require('../server/out/src/core/analyze.js');

const norm = (s) => (s ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const nameOf = (s) => norm(s).split(',')[0];
const sameName = (a, b) => a && b && (norm(a).includes(nameOf(b)) || norm(b).includes(nameOf(a)));

export function evaluateMeetings(pairs) {
  const rows = [];
  for (const [textFile, goldFile] of pairs) {
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    const analysis = analyze(fs.readFileSync(textFile, 'utf8'), defaultAnalysisOptions);
    const used = new Set();
    for (const g of gold.meetings ?? []) {
      const found = analysis.meetings.find((m, i) => !used.has(i) && m.line === g.line && m.kind === g.kind);
      if (found) used.add(analysis.meetings.indexOf(found));
      const date = found?.date?.iso ?? (found?.year !== undefined ? String(found.year) : null);
      const goldDate = g.date ?? (g.year !== undefined ? String(g.year) : null);
      const organizers = [g.organizer, ...(g.organizer_alt ?? [])].filter(Boolean);
      rows.push({
        file: path.basename(textFile), line: g.line, kind: g.kind, primary: Boolean(g.primary), found: Boolean(found),
        dateOk: Boolean(found) && date === goldDate, date, goldDate,
        organizer: organizers.length === 0 ? null : Boolean(found?.organizer && organizers.some((o) => sameName(found.organizer.name, o))),
        chair: g.chair ? Boolean(found?.chair && sameName(found.chair.name, g.chair)) : null,
        directors: (g.directed_by ?? []).length === 0 ? null : (g.directed_by ?? []).every((d) => found?.directedBy.some((x) => sameName(x.name, d))),
        statusOk: Boolean(found) && (g.status ?? (g.primary ? 'reported' : 'mentioned')) === found.status,
      });
    }
    rows.push(...analysis.meetings.filter((_, i) => !used.has(i)).map((m) => ({ file: path.basename(textFile), line: m.line, kind: m.kind, extra: true, title: m.title })));
  }
  const real = rows.filter((r) => !r.extra);
  const rate = (k) => { const xs = real.filter((r) => r[k] !== null && r[k] !== undefined); return { ok: xs.filter((r) => r[k]).length, of: xs.length }; };
  return { rows, found: rate('found'), dates: rate('dateOk'), status: rate('statusOk'), organizer: rate('organizer'), chair: rate('chair'), directors: rate('directors'), extra: rows.filter((r) => r.extra).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = evaluateMeetings(goldPairs(process.argv[2]));
  for (const row of r.rows) {
    if (row.extra) console.log(`extra ${row.file.slice(0, 3)}:${row.line} ${row.kind} ${row.title.slice(0, 60)}`);
    else console.log(`${row.found ? 'found' : 'MISS '} ${row.file.slice(0, 3)}:${row.line} ${row.kind.padEnd(9)} date ${String(row.date).padEnd(10)} gold ${String(row.goldDate).padEnd(10)} status ${row.statusOk ? 'ok' : 'no'} org ${row.organizer} chair ${row.chair} directors ${row.directors}`);
  }
  const f = (x) => `${x.ok}/${x.of}`;
  console.log(`meetings found ${f(r.found)}, dates ${f(r.dates)}, status ${f(r.status)}, organizer ${f(r.organizer)}, chair ${f(r.chair)}, directors ${f(r.directors)}, extra meetings ${r.extra}`);
  console.log(JSON.stringify({ found: r.found, dates: r.dates, status: r.status, organizer: r.organizer, chair: r.chair, directors: r.directors, extra: r.extra }));
}
