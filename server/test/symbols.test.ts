import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSymbol } from '../src/core/references/symbol';

// What each symbol says by itself, read by the grammar of Nghị định 30/2020/NĐ-CP, Nghị định 34/2016/NĐ-CP and Hướng dẫn 36-HD/VPTW.
const CASES: readonly [string, { symbol: string; kind: string; number: string; year?: string; issuers: string[]; term?: string; unit?: string; family: string }][] = [
  ['35-NQ/TW', { symbol: '35-NQ/TW', kind: 'nghị quyết', number: '35', issuers: ['TW'], family: 'party' }],
  ['05 - CT/TƯ', { symbol: '05-CT/TW', kind: 'chỉ thị', number: '05', issuers: ['TW'], family: 'party' }],
  ['17-kl/tu', { symbol: '17-KL/TU', kind: 'kết luận', number: '17', issuers: ['TU'], family: 'party' }],
  ['439 – QĐNS/TW', { symbol: '439-QĐNS/TW', kind: 'quyết định nhân sự', number: '439', issuers: ['TW'], family: 'party' }],
  ['05/NQ-TW', { symbol: '05-NQ/TW', kind: 'nghị quyết', number: '05', issuers: ['TW'], family: 'party' }],
  ['123/UBND-TNMT', { symbol: '123/UBND-TNMT', kind: 'công văn', number: '123', issuers: ['UBND'], unit: 'Tài nguyên và Môi trường', family: 'state' }],
  ['45/UBND-TH', { symbol: '45/UBND-TH', kind: 'công văn', number: '45', issuers: ['UBND'], unit: 'Tổng hợp', family: 'state' }],
  ['300/BC-UBTCNS14', { symbol: '300/BC-UBTCNS14', kind: 'báo cáo', number: '300', issuers: ['UBTCNS14'], term: 'XIV', family: 'state' }],
  ['800/NQ-UBTVQH13', { symbol: '800/NQ-UBTVQH13', kind: 'nghị quyết', number: '800', issuers: ['UBTVQH13'], term: 'XIII', family: 'state' }],
  ['05/2002/TTLT-BTP-BCA-BTC', { symbol: '05/2002/TTLT-BTP-BCA-BTC', kind: 'thông tư liên tịch', number: '05', year: '2002', issuers: ['BTP', 'BCA', 'BTC'], family: 'state' }],
  ['15/2009/qđ-ttg', { symbol: '15/2009/QĐ-TTg', kind: 'quyết định', number: '15', year: '2009', issuers: ['TTg'], family: 'state' }],
  ['20/2016/QH14', { symbol: '20/2016/QH14', kind: 'luật hoặc nghị quyết của Quốc hội', number: '20', year: '2016', issuers: ['QH14'], term: 'XIV', family: 'state' }],
  ['333/2017/UBTVQH14', { symbol: '333/2017/UBTVQH14', kind: 'nghị quyết hoặc pháp lệnh của Ủy ban Thường vụ Quốc hội', number: '333', year: '2017', issuers: ['UBTVQH14'], term: 'XIV', family: 'state' }],
  ['19-2017/NQ-CP', { symbol: '19-2017/NQ-CP', kind: 'nghị quyết', number: '19', year: '2017', issuers: ['CP'], family: 'state' }],
];

for (const [written, want] of CASES) {
  test(`symbol ${written}`, () => {
    const info = parseSymbol(written);
    assert.ok(info, `${written} should parse`);
    assert.equal(info.symbol, want.symbol);
    assert.equal(info.kindName, want.kind);
    assert.equal(info.number, want.number);
    assert.equal(info.year, want.year);
    assert.deepEqual(info.issuerCodes, want.issuers);
    assert.equal(info.term, want.term);
    assert.equal(info.unit?.name, want.unit);
    assert.equal(info.family, want.family);
    assert.ok(info.issuerNames.every((n) => n.length > 0));
  });
}

test('an issuer code the tables lack is kept as written and said so', () => {
  const info = parseSymbol('2517/KL-TCHQ');
  assert.equal(info?.symbol, '2517/KL-TCHQ');
  assert.equal(info?.kindName, 'kết luận');
  assert.match(info?.issuerNames[0] ?? '', /TCHQ .*chưa có trong bảng mã/u);
});

test('text that only looks like a symbol stays unread', () => {
  for (const written of ['12/5/2017', '35-abc/xyz', '5/2017', '2016/QH', '12-XX/TW', '12-NQ/CP', '10/2017/UBND-TNMT']) assert.equal(parseSymbol(written), undefined, written);
});
