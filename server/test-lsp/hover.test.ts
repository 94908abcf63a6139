import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type LspClient } from './harness';
import { hoverMarkdown } from './results';
import { catalogFilesWithId, positionOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');
/** A decree the built-in state catalog lists, with its source. */
const DECREE = 'Theo Nghị định 15/2020/NĐ-CP, UBND tỉnh đã họp.';

describe('hover', () => {
  let client: LspClient;
  const uri = virtualUri('002.txt');
  before(async () => {
    client = await startServer();
    await client.open(uri, SEED);
  });
  after(() => client.close());

  it('explains "Chỉ thị 05" from the catalog entry 05-CT/TW', async () => {
    assert.ok(catalogFilesWithId('05-CT/TW').length > 0, 'no catalog file under server/data/catalog has an entry with id "05-CT/TW"');
    const hover = await client.hover(uri, positionOf(SEED, 11, 'Chỉ thị 05'));
    assert.match(hoverMarkdown(hover), /05-CT\/TW/u);
  });

  it('is null on a plain word', async () => {
    assert.equal(await client.hover(uri, positionOf(SEED, 11, 'hệ thống')), null);
  });

  it('places "Ban Chỉ đạo 35" in the article\'s province', async () => {
    const hover = await client.hover(uri, positionOf(SEED, 21, 'Ban Chỉ đạo 35'));
    assert.match(hoverMarkdown(hover), /Hà Nam/u);
  });

  it('names a province\'s Steering Committee 35 in Vietnamese first, links the central body, then the English gloss', async () => {
    const markdown = hoverMarkdown(await client.hover(uri, positionOf(SEED, 21, 'Ban Chỉ đạo 35')));
    const vietnamese = markdown.indexOf('Ban Chỉ đạo 35 tỉnh Hà Nam: Ban Chỉ đạo về bảo vệ nền tảng tư tưởng của Đảng');
    const english = markdown.indexOf("Hà Nam's own Steering Committee 35");
    assert.ok(vietnamese >= 0, markdown);
    assert.ok(english > vietnamese, `the English gloss follows the Vietnamese name:\n${markdown}`);
    assert.match(markdown, /\[Ban Chỉ đạo 35 Trung ương\]\(https?:\/\/[^)\s]+\)/u);
  });

  it('reads an uncatalogued symbol: kind, number, year, issuers, term', async () => {
    const text = 'Theo Thông tư liên tịch số 05/2002/TTLT-BTP-BCA-BTC và Công văn số 123/UBND-TNMT, Nghị quyết số 800/NQ-UBTVQH13.';
    const doc = virtualUri('symbols.txt');
    await client.open(doc, text);
    const joint = hoverMarkdown(await client.hover(doc, positionOf(text, 0, 'TTLT')));
    assert.match(joint, /thông tư liên tịch số 05 năm 2002/iu);
    assert.match(joint, /Bộ Tư pháp; Bộ Công an; Bộ Tài chính/u);
    assert.match(joint, /chưa có trong danh mục|not in the catalog/u);
    const letter = hoverMarkdown(await client.hover(doc, positionOf(text, 0, 'UBND-TNMT')));
    assert.match(letter, /Ủy ban nhân dân/u);
    assert.match(letter, /Tài nguyên và Môi trường/u);
    const standing = hoverMarkdown(await client.hover(doc, positionOf(text, 0, 'UBTVQH13')));
    assert.match(standing, /Ủy ban Thường vụ Quốc hội khóa XIII/u);
  });

  it('says "A or B" when two catalogued documents fit a short form', async () => {
    const text = 'Các nghị quyết Hội nghị Trung ương 5 khóa XII được quán triệt.';
    const doc = virtualUri('plenum.txt');
    await client.open(doc, text);
    const markdown = hoverMarkdown(await client.hover(doc, positionOf(text, 0, 'Trung ương 5')));
    assert.match(markdown, /10-NQ\/TW.* or .*11-NQ\/TW/u);
  });

  it('labels an entry\'s source in English by default', async () => {
    const decree = virtualUri('decree.txt');
    await client.open(decree, DECREE);
    assert.match(hoverMarkdown(await client.hover(decree, positionOf(DECREE, 0, '15/2020'))), /Source/u);
  });
});

describe('hover with locale vi', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer({ locale: 'vi' });
  });
  after(() => client.close());

  it('labels an entry\'s source in Vietnamese', async () => {
    const uri = virtualUri('decree.txt');
    await client.open(uri, DECREE);
    const markdown = hoverMarkdown(await client.hover(uri, positionOf(DECREE, 0, '15/2020')));
    assert.match(markdown, /Nguồn/u);
    assert.doesNotMatch(markdown, /Source:/u);
  });
});
