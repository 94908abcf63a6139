import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCatalog } from '../src/core/references/catalog';
import { parseSymbol } from '../src/core/references/symbol';
import { loadBuiltInCatalog } from './catalog-fixture';

test('every built-in catalog entry validates, is unique and carries a source', () => {
  const { problems, entries } = loadBuiltInCatalog();
  assert.deepEqual(problems, []);
  assert.ok(entries.length >= 30, `only ${entries.length} entries`);
  const ids = entries.map((e) => e.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
  for (const e of entries) {
    assert.match(e.source.url, /^https?:\/\/[^\s]+$/u, `${e.id} source`);
    assert.equal(e.id, e.id.normalize('NFC'));
    assert.equal(e.title, e.title.normalize('NFC'), `${e.id} title is NFC`);
  }
});

test('a broken entry is reported with its field and the rest still loads', () => {
  const { entries, problems } = parseCatalog({
    entries: [
      { id: 'x', kind: 'nghị quyết', title: 't', description: 'd', gloss: 'g', source: { url: 'https://example.org' } },
      { id: 'y', kind: 'poem', title: 't', description: 'd', gloss: 'g', source: { url: 'https://example.org' } },
      { id: 'z', kind: 'luật', title: 't', description: 'd', gloss: 'g' },
      { id: 'w', kind: 'luật', title: 't', description: 'd', gloss: 'g', date: '5/2020', source: { url: 'https://example.org' } },
    ],
  }, 'user.json');
  assert.deepEqual(entries.map((e) => e.id), ['x']);
  assert.deepEqual(problems.map((p) => `${p.file} ${p.where} ${p.message.split(' ')[0]}`), [
    'user.json entries[1] "kind"', 'user.json entries[2] "source.url"', 'user.json entries[3] "date"',
  ]);
});

test('a file without "entries" is one problem, not a crash', () => {
  assert.equal(parseCatalog([1, 2], 'bad.json').problems.length, 1);
  assert.equal(parseCatalog(null, 'bad.json').problems.length, 1);
});

test('every catalogued symbol reads by the numbering rules and agrees with its entry', () => {
  const { entries } = loadBuiltInCatalog();
  const partyBodies = /Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Trung ương/u;
  let checked = 0;
  for (const e of entries.filter((x) => x.symbol)) {
    const info = parseSymbol(e.symbol ?? '');
    assert.ok(info, `${e.id}: symbol ${e.symbol} does not read`);
    assert.equal(info.symbol, e.symbol, `${e.id}: symbol is written canonically`);
    if (e.number) assert.equal(e.number.replace(/[-/]\d{4}$/u, ''), info.number, `${e.id}: number`);
    if (info.year && e.date) assert.equal(e.date.slice(0, 4), info.year, `${e.id}: the symbol's year is the issue year`);
    if (e.issuer) assert.equal(partyBodies.test(e.issuer), info.family === 'party', `${e.id}: issuer ${e.issuer} against ${info.family} symbol`);
    checked++;
  }
  assert.ok(checked >= 60, `only ${checked} symbols checked`);
});
