#!/usr/bin/env node
// Builds the catalog packs (server/data/catalog/packs/*.json) from copies of the Bộ pháp điển điện tử export.
//
// Usage (after `npm run build`, which compiles the symbol reader this script checks against):
//   node scripts/build-catalog-packs.mjs [--out DIR] DEMUC_DIR=ORIGIN [DEMUC_DIR=ORIGIN ...]
// DEMUC_DIR is a folder of the export's `demuc/*.html` pages; ORIGIN says where that copy came from
// (`owner/repo@commit:path`), and is recorded in the pack index.
//
// Every catalogued article of the Pháp điển carries a note naming the document it comes from, linked to that
// document's page on vbpl.vn, e.g. "(Điều 1 Luật số 74/2014/QH13 Giáo dục nghề nghiệp ngày 27/11/2014 của Quốc hội,
// có hiệu lực thi hành kể từ ngày 01/07/2015)". The first note citing a document in a topic spells out its number,
// title, date and issuer; those notes are read here. A document whose notes disagree, whose symbol does not read by
// the numbering rules, or whose symbol's year, number or issuer code contradicts its note is left out and counted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const symbolModule = path.join(ROOT, 'server', 'out', 'src', 'core', 'references', 'symbol.js');
if (!fs.existsSync(symbolModule)) {
  console.error(`build-catalog-packs: ${path.relative(ROOT, symbolModule)} is missing; run \`npm run build\` first`);
  process.exit(2);
}
const { parseSymbol } = await import(symbolModule);

const args = process.argv.slice(2);
let out = path.join(ROOT, 'server', 'data', 'catalog', 'packs');
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = path.resolve(args[++i] ?? '');
  else {
    const eq = args[i].lastIndexOf('=');
    if (eq <= 0) usage(`expected DEMUC_DIR=ORIGIN, got "${args[i]}"`);
    inputs.push({ dir: args[i].slice(0, eq), origin: args[i].slice(eq + 1) });
  }
}
if (inputs.length === 0) usage('no input folder given');
for (const { dir } of inputs) if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage(`${dir} is not a folder`);

function usage(message) {
  console.error(`build-catalog-packs: ${message}\nusage: node scripts/build-catalog-packs.mjs [--out DIR] DEMUC_DIR=owner/repo@commit:path ...`);
  process.exit(2);
}

/** The document kinds read from the notes, and the catalog kind each becomes. */
const KINDS = new Map([
  ['Luật', 'luật'], ['Bộ luật', 'luật'], ['Pháp lệnh', 'pháp lệnh'],
  ['Nghị quyết', 'nghị quyết'], ['Nghị quyết liên tịch', 'nghị quyết'],
  ['Nghị định', 'nghị định'], ['Quyết định', 'quyết định'], ['Chỉ thị', 'chỉ thị'],
  ['Thông tư', 'thông tư'], ['Thông tư liên tịch', 'thông tư'],
]);
/** Kinds whose note gives the document's name after the symbol ("Luật số 74/2014/QH13 Giáo dục nghề nghiệp"). */
const NAMED = new Set(['Luật', 'Bộ luật', 'Pháp lệnh']);

const NOTE = /<p class='pGhiChu'>(.*?)<\/p>/gsu;
// The title may itself cite other documents "ngày … của …"; the document's own date and issuer are the last ones
// before ", có hiệu lực thi hành" (or the end of the note).
const HEAD = new RegExp(
  '^\\(?Điều [^ ]+ (?:khoản [^ ]+ )?' +
  `(${[...KINDS.keys()].sort((a, b) => b.length - a.length).join('|')}) số (\\S+?)\\.?,? ` +
  '(.*)\\s*ngày (\\d{1,2})/(\\d{1,2})/(\\d{4}) của ([^,()]+?)\\)?$',
  'u',
);
const EFFECTIVE = /, có hiệu lực thi hành (?:kể )?từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const LINK = /href='(https?:\/\/vbpl\.vn\/[^'#]*ItemID=(\d+))[^']*'/u;

const readings = new Map(); // symbol → reading[]
let notes = 0;
let files = 0;
for (const { dir } of inputs) {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    files++;
    const html = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const m of html.matchAll(NOTE)) {
      notes++;
      const link = LINK.exec(m[1]);
      const text = decode(m[1].replace(/<[^>]+>/gu, '')).replace(/\s+/gu, ' ').trim().normalize('NFC');
      const cut = text.indexOf(', có hiệu lực thi hành');
      const f = HEAD.exec(cut >= 0 ? text.slice(0, cut) : text);
      if (!f || !link) continue;
      const [, kindWord, written, restRaw, d, mo, y, issuer] = f;
      const [, ed, emo, ey] = EFFECTIVE.exec(text) ?? [];
      const rest = restRaw.trim();
      // Letter case aside ("85/2017/nđ-cp"), a symbol is kept as the numbering rules write it.
      const canonical = parseSymbol(written)?.symbol;
      const symbol = canonical && canonical.toUpperCase() === written.toUpperCase() ? canonical : written;
      const date = iso(y, mo, d);
      if (!date || rest === '') continue;
      const reading = {
        kindWord, symbol, date, issuer: issuer.trim().replace(/\.$/u, ''), url: link[1].replace(/^http:/u, 'https:'), itemId: link[2],
        title: NAMED.has(kindWord) ? `${kindWord} ${rest}` : rest,
        ...(ey ? { effective: iso(ey, emo, ed) } : {}),
      };
      const list = readings.get(symbol) ?? [];
      list.push(reading);
      readings.set(symbol, list);
    }
  }
}

const dropped = { disagree: 0, unreadable: 0, notCanonical: 0, year: 0, issuer: 0, family: 0 };
const entries = [];
/** Counts a document left out; with VERBOSE=1 prints it. */
function drop(reason, symbol, list) {
  dropped[reason]++;
  if (process.env.VERBOSE) console.error(`${reason}: ${symbol} | ${list[0].date} | ${list[0].issuer} | ${list[0].title.slice(0, 80)}`);
}
for (const [symbol, list] of readings) {
  // Every full note on a document must agree on its date, issuer, page and kind.
  const key = (r) => `${r.date}|${r.issuer.toLowerCase()}|${r.itemId}|${KINDS.get(r.kindWord)}`;
  if (new Set(list.map(key)).size > 1) { drop('disagree', symbol, list); continue; }
  const r = mostCommonTitle(list);
  const info = parseSymbol(symbol);
  if (!info) { drop('unreadable', symbol, list); continue; }
  if (info.symbol !== symbol) { drop('notCanonical', symbol, list); continue; }
  if (info.family !== 'state') { drop('family', symbol, list); continue; }
  if (info.year && info.year !== r.date.slice(0, 4)) { drop('year', symbol, list); continue; }
  if (!issuerAgrees(info, r.issuer)) { drop('issuer', symbol, list); continue; }
  const effective = list.find((x) => x.effective)?.effective;
  entries.push({
    id: symbol, kind: KINDS.get(r.kindWord), number: info.year ? `${info.number}${info.year ? `/${info.year}` : ''}` : info.number,
    symbol, date: r.date, issuer: r.issuer, title: r.title, ...(effective ? { effective } : {}), url: r.url,
  });
}

/** The pack a symbol is looked up in: its type code, or for laws and National Assembly resolutions the issuer code. */
function packKey(info) {
  return (info.typeCode ?? info.issuerCodes[0] ?? '').replace(/\d+$/u, '');
}
const PACK_FILES = { 'QH': 'quoc-hoi', 'UBTVQH': 'uy-ban-thuong-vu-quoc-hoi', 'NĐ': 'nghi-dinh', 'QĐ': 'quyet-dinh', 'NQ': 'nghi-quyet', 'NQLT': 'nghi-quyet-lien-tich', 'PL': 'phap-lenh', 'CT': 'chi-thi', 'TT': 'thong-tu', 'TTLT': 'thong-tu-lien-tich' };
const packs = new Map();
for (const e of entries) {
  const info = parseSymbol(e.symbol);
  const k = packKey(info);
  const file = `${PACK_FILES[k] ?? `other-${k.toLowerCase()}`}.json`;
  const p = packs.get(file) ?? { file, keys: new Set(), kinds: new Set(), entries: [] };
  p.keys.add(packKey(info));
  p.kinds.add(e.kind);
  p.entries.push(e);
  packs.set(file, p);
}

fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(out)) if (f.endsWith('.json')) fs.rmSync(path.join(out, f));
const source = {
  title: 'Bộ pháp điển điện tử (Bộ Tư pháp), ghi chú nguồn của từng điều, liên kết đến Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)',
  url: 'https://phapdien.moj.gov.vn',
  copies: inputs.map((i) => i.origin),
};
const index = { source, packs: [] };
for (const p of [...packs.values()].sort((a, b) => a.file.localeCompare(b.file))) {
  p.entries.sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol));
  fs.writeFileSync(path.join(out, p.file), `${JSON.stringify({ source: { title: 'Bộ pháp điển điện tử, Bộ Tư pháp', url: source.url }, entries: p.entries }, null, 0).replace(/\},\{/gu, '},\n{')}\n`);
  index.packs.push({ file: p.file, keys: [...p.keys].sort(), kinds: [...p.kinds].sort(), count: p.entries.length });
}
fs.writeFileSync(path.join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);

const byKind = {};
for (const e of entries) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
console.log(`read ${files} pages, ${notes} notes, ${readings.size} documents with a full note`);
console.log(`kept ${entries.length}: ${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`left out: ${Object.entries(dropped).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`wrote ${packs.size} packs and index.json to ${path.relative(process.cwd(), out) || out}`);

function mostCommonTitle(list) {
  const counts = new Map();
  for (const r of list) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return list.find((r) => r.title === best);
}

/**
 * The note's issuer is the body the symbol's issuer codes name: every one of them for a joint document, in any order
 * (letter case and the old tone placement "Uỷ", "Toà", "hoá" aside). A code the tables lack cannot be checked: left out.
 */
function issuerAgrees(info, issuer) {
  const norm = (s) => s.normalize('NFC').toLowerCase().replace(/uỷ/gu, 'ủy').replace(/oà/gu, 'òa').replace(/oá/gu, 'óa').replace(/oạ/gu, 'ọa')
    .replace(/\s*[-,]\s*/gu, ' ').replace(/ việt nam/gu, '').replace(/\s+/gu, ' ').trim();
  const written = norm(issuer);
  if (info.issuerNames.length === 0) return false;
  return info.issuerNames.every((name, i) => {
    if (name === info.issuerCodes[i]) return false;
    const n = norm(name);
    return info.issuerNames.length === 1 ? written === n || written.startsWith(`${n} `) || n.startsWith(written) : written.includes(n);
  });
}

function iso(y, m, d) {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === date ? date : undefined;
}

function decode(s) {
  return s.replace(/&nbsp;/gu, ' ').replace(/&amp;/gu, '&').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
}
