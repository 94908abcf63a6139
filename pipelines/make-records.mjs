#!/usr/bin/env node
/**
 * Writes a synthetic JSON Lines corpus for tests and benchmarks, built from real article text:
 * `node pipelines/make-records.mjs COUNT [FOLDER…] [--bad]` (default folder: seeds/).
 * Record k is article k mod n with its title numbered, one body paragraph dropped at random (seeded, so every run
 * writes the same bytes), one record in 50 carrying the chrome line `Đọc báo in hôm nay` (found only by counting
 * the whole corpus), and with `--bad`, a line that is not JSON every 997 records and a record without text every 1499.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../bench/stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROME_LINE = 'Đọc báo in hôm nay';

/** The `.txt` articles of the folders, in name order. */
export function readArticles(folders) {
  return folders.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** The k-th record's JSON line. */
export function recordLine(k, articles, withBad) {
  if (withBad && k % 997 === 996) return `not json: record ${k}`;
  const id = `r${String(k).padStart(7, '0')}`;
  if (withBad && k % 1499 === 1498) return JSON.stringify({ id, site: 'synthetic' });
  const random = seededRandom(k + 1);
  const lines = (articles[k % articles.length] ?? '').split('\n');
  const title = lines.findIndex((l) => l.trim().length > 20);
  if (title >= 0) lines[title] = `${lines[title]} (${k})`;
  const body = lines.map((l, i) => (i > title + 1 && l.trim().length > 80 ? i : -1)).filter((i) => i >= 0);
  if (body.length > 2) lines.splice(body[Math.floor(random() * body.length)], 1);
  // Inside the body, where only its recurrence across the corpus gives it away.
  const firstBody = body.find((i) => i < lines.length) ?? lines.length;
  if (k % 50 === 7) lines.splice(Math.min(firstBody + 1, lines.length), 0, '', CHROME_LINE);
  return JSON.stringify({ id, site: 'synthetic', text: lines.join('\n') });
}

/** Writes `count` records to a stream, waiting when it is full. */
export async function writeRecords(out, count, articles, withBad) {
  for (let k = 0; k < count; k++) {
    if (!out.write(`${recordLine(k, articles, withBad)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/u.test(a)) ?? NaN);
  if (!Number.isInteger(count)) {
    process.stderr.write('usage: node pipelines/make-records.mjs COUNT [FOLDER…] [--bad]\n');
    process.exit(2);
  }
  const folders = args.filter((a) => !/^\d+$/u.test(a) && a !== '--bad');
  await writeRecords(process.stdout, count, readArticles(folders.length > 0 ? folders : [path.join(REPO, 'seeds')]), args.includes('--bad'));
}
