import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Catalog, packKey, parsePack, parsePackIndex, type CatalogEntry, type PackSource } from '../src/core/references/catalog';
import { parseSymbol } from '../src/core/references/symbol';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { builtInPacks, catalogEntryPlace } from '../src/node/workspace-files';
import { CATALOG_DIR, loadBuiltInCatalog } from './catalog-fixture';

const PACK_DIR = path.join(CATALOG_DIR, 'packs');

/** Every pack entry, parsed the way the server reads it, with the pack it came from. */
function loadPacks(): { entries: { pack: string; keys: readonly string[]; kinds: readonly string[]; entry: CatalogEntry }[]; problems: string[] } {
  const index = parsePackIndex(JSON.parse(fs.readFileSync(path.join(PACK_DIR, 'index.json'), 'utf8')) as unknown, 'index.json');
  const problems = index.problems.map((p) => `${p.file} ${p.where}: ${p.message}`);
  const entries = [];
  for (const p of index.packs) {
    const parsed = parsePack(JSON.parse(fs.readFileSync(path.join(PACK_DIR, p.file), 'utf8')) as unknown, p.file);
    problems.push(...parsed.problems.map((x) => `${x.file} ${x.where}: ${x.message}`));
    assert.equal(parsed.entries.length, p.count, `${p.file}: the index counts ${p.count} entries`);
    entries.push(...parsed.entries.map((entry) => ({ pack: p.file, keys: p.keys, kinds: p.kinds, entry })));
  }
  return { entries, problems };
}

/** The symbol's type code says the kind ("NĐ" a decree); laws and Standing Committee documents carry no type code. */
const KIND_OF_TYPE: Readonly<Record<string, readonly string[]>> = {
  NĐ: ['nghị định'], QĐ: ['quyết định'], CT: ['chỉ thị'], NQ: ['nghị quyết'], NQLT: ['nghị quyết'], PL: ['pháp lệnh'],
  TT: ['thông tư'], TTLT: ['thông tư'], '': ['luật', 'nghị quyết', 'pháp lệnh'],
};

const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/uỷ/gu, 'ủy').replace(/oà/gu, 'òa').replace(/oá/gu, 'óa').replace(/\s*[-,]\s*/gu, ' ').replace(/ việt nam/gu, '');

test('every pack entry has a readable symbol that agrees with its number, year, kind and issuer, a real date, a title and its page', () => {
  const { entries, problems } = loadPacks();
  assert.deepEqual(problems, []);
  assert.ok(entries.length >= 2000, `only ${entries.length} pack entries`);
  const ids = new Set<string>();
  for (const { pack, keys, kinds, entry: e } of entries) {
    assert.ok(!ids.has(e.id), `${e.id}: duplicate id`);
    ids.add(e.id);
    const info = parseSymbol(e.symbol ?? '');
    assert.ok(info, `${e.id}: symbol ${e.symbol} does not read`);
    assert.equal(info.symbol, e.symbol, `${e.id}: symbol is written canonically`);
    assert.equal(info.family, 'state', `${e.id}: a State document`);
    assert.equal(e.number, info.year ? `${info.number}/${info.year}` : info.number, `${e.id}: number`);
    assert.match(e.date ?? '', /^\d{4}-\d{2}-\d{2}$/u, `${e.id}: ISO date`);
    assert.equal(new Date(`${e.date}T00:00:00Z`).toISOString().slice(0, 10), e.date, `${e.id}: ${e.date} is a calendar date`);
    if (info.year) assert.equal(e.date?.slice(0, 4), info.year, `${e.id}: the symbol's year is the issue year`);
    assert.ok((KIND_OF_TYPE[info.typeCode ?? ''] ?? []).includes(e.kind), `${e.id}: kind ${e.kind} against type code ${info.typeCode}`);
    for (const name of info.issuerNames) {
      const issuer = fold(e.issuer ?? '');
      const body = fold(name).replace(/ khóa [ivxl]+$/u, '');
      assert.ok(issuer.includes(body) || body.includes(issuer), `${e.id}: issuer "${e.issuer}" against code name "${name}"`);
    }
    assert.ok(e.title.trim().length > 3, `${e.id}: title`);
    assert.equal(e.title, e.title.normalize('NFC'), `${e.id}: title is NFC`);
    assert.match(e.source.url, /^https:\/\/vbpl\.vn\/[^\s]*ItemID=\d+$/u, `${e.id}: source page`);
    // The lazy lookup finds the entry in its own pack.
    assert.ok(keys.includes(packKey(e.symbol ?? '') ?? ''), `${e.id}: pack ${pack} is where its symbol is looked up`);
    assert.ok(kinds.includes(e.kind), `${e.id}: pack ${pack} lists kind ${e.kind}`);
  }
  const byKind = new Map<string, number>();
  for (const { entry } of entries) byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
  console.log(`# ${entries.length} pack entries checked: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

test('where a pack and the hand-checked catalog hold the same document they agree on its date and issuer', () => {
  const { entries } = loadPacks();
  const hand = loadBuiltInCatalog().entries.filter((e) => e.symbol);
  const packBySymbol = new Map(entries.map(({ entry }) => [entry.symbol ?? '', entry]));
  let overlap = 0;
  for (const h of hand) {
    const p = packBySymbol.get(h.symbol ?? '');
    // A symbol without a year repeats over the years: only the same date makes it the same document.
    if (!p || (!/\/\d{4}\//u.test(h.symbol ?? '') && p.date !== h.date)) continue;
    overlap++;
    assert.ok(p.date?.startsWith(h.date ?? '-'), `${h.id}: hand date ${h.date}, pack date ${p.date}`);
    assert.equal(fold(p.issuer ?? ''), fold(h.issuer ?? ''), `${h.id}: issuer`);
    assert.equal(p.kind, h.kind, `${h.id}: kind`);
  }
  console.log(`# ${overlap} documents are in both the hand catalog and the packs`);
  assert.ok(overlap >= 5, `only ${overlap} documents overlap: the check would say little`);
});

/** A pack source over two small packs that counts what it reads. */
function countingSource(reads: string[], broken = false): PackSource {
  const packs = {
    'nghi-dinh.json': { source: { title: 'test' }, entries: [
      { id: '15/2020/NĐ-CP', kind: 'nghị định', number: '15/2020', symbol: '15/2020/NĐ-CP', date: '2020-02-03', issuer: 'Chính phủ', title: 'Pack title', url: 'https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1' },
      { id: '16/2020/NĐ-CP', kind: 'nghị định', number: '16/2020', symbol: '16/2020/NĐ-CP', date: '2020-02-03', issuer: 'Chính phủ', title: 'Another', url: 'https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=2' },
    ] },
    'quyet-dinh.json': { source: { title: 'test' }, entries: [
      { id: '263/QĐ-TTg', kind: 'quyết định', number: '263', symbol: '263/QĐ-TTg', date: '2010-01-01', issuer: 'Thủ tướng Chính phủ', title: 'Other year', url: 'https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=3' },
    ] },
  } as const;
  return {
    packs: [
      { file: 'nghi-dinh.json', keys: ['NĐ'], kinds: ['nghị định'], count: 2 },
      { file: 'quyet-dinh.json', keys: ['QĐ'], kinds: ['quyết định'], count: 1 },
    ],
    read: (file) => {
      reads.push(file);
      return broken ? { error: 'cannot read: EACCES' } : { value: packs[file as keyof typeof packs] };
    },
  };
}

const handEntry = (over: Partial<CatalogEntry>): CatalogEntry => ({
  id: 'x', kind: 'nghị định', title: 'Hand title', description: 'd', gloss: 'g', citedAs: [], replaces: [], replacedBy: [],
  source: { url: 'https://example.org', title: 't' }, origin: { file: 'hand.json', index: 0 }, ...over,
});

test('packs are read only when a lookup needs them, once, and never shadow a hand-checked entry', () => {
  const reads: string[] = [];
  const hand = handEntry({ id: '15/2020/NĐ-CP', symbol: '15/2020/NĐ-CP', number: '15/2020', date: '2020-02-03' });
  const qd = handEntry({ id: '263/QĐ-TTg/2022', kind: 'quyết định', symbol: '263/QĐ-TTg', number: '263', date: '2022-02-22' });
  const catalog = new Catalog([hand, qd], countingSource(reads));
  assert.deepEqual(reads, [], 'nothing is read when the catalog is built');
  assert.equal(catalog.get('organization:none'), undefined);
  assert.deepEqual(reads, [], 'an id that is no symbol reads no pack');
  assert.deepEqual(catalog.findBySymbol('15/2020/nđ-cp').map((e) => e.title), ['Hand title']);
  assert.deepEqual(reads, ['nghi-dinh.json'], 'only the pack of the symbol type is read');
  assert.equal(catalog.get('16/2020/NĐ-CP')?.title, 'Another');
  assert.deepEqual(catalog.findByNumber('nghị định', '16').map((e) => e.id), ['16/2020/NĐ-CP']);
  assert.deepEqual(reads, ['nghi-dinh.json'], 'a pack is read once');
  // A symbol without a year names a different document in another year: both are candidates.
  assert.deepEqual(catalog.findBySymbol('263/QĐ-TTg').map((e) => e.date).sort(), ['2010-01-01', '2022-02-22']);
  assert.deepEqual(reads, ['nghi-dinh.json', 'quyet-dinh.json']);
  assert.deepEqual([...catalog.loadedPacks()], [['nghi-dinh.json', 2], ['quyet-dinh.json', 1]]);
});

test('a pack that cannot be read is reported and the rest of the catalog still answers', () => {
  const reads: string[] = [];
  const hand = handEntry({ id: '15/2020/NĐ-CP', symbol: '15/2020/NĐ-CP', number: '15/2020', date: '2020-02-03' });
  const catalog = new Catalog([hand], countingSource(reads, true));
  assert.deepEqual(catalog.findBySymbol('15/2020/NĐ-CP').map((e) => e.title), ['Hand title']);
  assert.equal(catalog.get('16/2020/NĐ-CP'), undefined);
  assert.deepEqual(catalog.packProblems().map((p) => `${p.file}: ${p.message}`), ['nghi-dinh.json: cannot read: EACCES']);
  const broken = parsePack({ source: { title: 't' }, entries: [{ id: 'a', kind: 'luật', title: 't', url: 'https://vbpl.vn/x' }, 7] }, 'bad.json');
  assert.deepEqual(broken.entries, []);
  assert.equal(broken.problems.length, 2);
  assert.equal(parsePackIndex({ packs: [{ file: '../etc/passwd', keys: [], kinds: [] }] }, 'index.json').problems.length, 1);
});

test('the built-in pack index loads without reading a pack, and a lookup reads only its pack', () => {
  const loaded = builtInPacks(CATALOG_DIR);
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.source, 'the built-in catalog has packs');
  const catalog = new Catalog([], loaded.source);
  assert.equal(catalog.loadedPacks().size, 0);
  const law = catalog.findBySymbol('74/2014/QH13');
  assert.equal(law.length, 1);
  assert.equal(law[0]?.kind, 'luật');
  assert.deepEqual([...catalog.loadedPacks().keys()], ['quoc-hoi.json']);
  // Go to definition lands on the entry in its pack file.
  const place = law[0] ? catalogEntryPlace(law[0]) : undefined;
  assert.ok(place, 'the pack entry has a place');
  assert.equal(place.file, path.join(PACK_DIR, 'quoc-hoi.json'));
  assert.ok(fs.readFileSync(place.file, 'utf8').split('\n')[place.line]?.slice(place.character).startsWith('"id":"74/2014/QH13"'));
});

test('with thousands of pack entries a short form stays open unless the article dates it; a full symbol resolves', () => {
  const { entries } = loadBuiltInCatalog();
  const catalog = new Catalog(entries, builtInPacks(CATALOG_DIR).source);
  const resolve = (text: string, within = catalog): string => {
    const refs = analyze(text, { ...defaultAnalysisOptions, catalog: within }).references.filter((r) => r.mention.type === 'document');
    return refs.map((r) => (r.resolution.status === 'resolved' ? `resolved ${r.resolution.id}` : r.resolution.status === 'ambiguous' ? `ambiguous ${r.resolution.candidates.length}` : 'unknown')).join('; ');
  };
  // Several decrees numbered 67 are catalogued and the text dates none: the hover lists them.
  assert.match(resolve('Thực hiện Nghị định 67 của Chính phủ, tỉnh đã rà soát.'), /^ambiguous [2-9]/u);
  // The date written with the number picks one.
  assert.equal(resolve('Theo Nghị định số 100 ngày 3/9/2013 của Chính phủ, các đơn vị đã triển khai.'), 'resolved 100/2013/NĐ-CP');
  // One catalogued document of a number is not enough: the packs do not hold every document of that number.
  const onePack = new Catalog([], countingSource([]));
  assert.equal(resolve('Căn cứ Quyết định số 263 của Thủ tướng Chính phủ, đơn vị đã thực hiện.', onePack), 'unknown');
  assert.equal(resolve('Căn cứ Quyết định số 263 ngày 1/1/2010 của Thủ tướng Chính phủ, đơn vị đã thực hiện.', onePack), 'resolved 263/QĐ-TTg');
  assert.equal(resolve('Căn cứ Nghị định 67/2018/NĐ-CP, đơn vị đã thực hiện.'), 'resolved 67/2018/NĐ-CP');
  assert.equal(resolve('Căn cứ Luật số 74/2014/QH13, trường đã tuyển sinh.'), 'resolved 74/2014/QH13');
});
