import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { hoverMarkdown } from './results';
import { catalogFilesWithId, positionOf, rangeOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');
/** A decree the built-in state catalog lists, with its source. */
const DECREE = 'Theo Nghị định 15/2020/NĐ-CP, UBND tỉnh đã họp.';
/** Seed 002's meeting, dated "Chiều 22/12" with no year: its name ("năm 2020") fixes it. */
const MEETING = 'hội nghị tổng kết công tác tuyên giáo năm 2020';

/** The inlay hint tooltip after the meeting's date, the wording the hover repeats. */
async function dateTooltip(client: LspClient, uri: string): Promise<string> {
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: rangeOf(SEED, MEETING).end } });
  const hint = (hints ?? []).find((h) => h.label === '→ 2020-12-22');
  assert.ok(hint, `no inlay hint → 2020-12-22 in ${JSON.stringify(hints)}`);
  assert.equal(typeof hint.tooltip, 'string');
  return String(hint.tooltip);
}

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

  it('on a meeting whose year is inferred: its kind, ISO date, the evidence that fixed the year, status and organizer', async () => {
    const markdown = hoverMarkdown(await client.hover(uri, rangeOf(SEED, MEETING).start));
    assert.match(markdown, /Date: 2020-12-22/u);
    assert.match(markdown, /year from the meeting's name/u);
    assert.ok(markdown.includes(await dateTooltip(client, uri)), `the inlay hint's wording is in the hover:\n${markdown}`);
    assert.match(markdown, /Status: reported · reported by the lead/u);
    assert.match(markdown, /Organizer: Ban Tuyên giáo Tỉnh ủy/u);
  });

  it('on a meeting whose year nothing fixes: "year unknown"', async () => {
    const text = 'Sáng 18/5, Sở Y tế tổ chức hội nghị triển khai công tác phòng dịch.';
    const doc = virtualUri('no-year.txt');
    await client.open(doc, text);
    const markdown = hoverMarkdown(await client.hover(doc, rangeOf(text, 'hội nghị').start));
    assert.match(markdown, /Date: \?{4}-05-18 \(year unknown\)/u);
  });

  it('keeps the reference hover inside a meeting\'s mention, the meeting hover elsewhere on it', async () => {
    const text = 'Ngày 5/3/2017, hội nghị quán triệt Nghị quyết số 35-NQ/TW được tổ chức.';
    const doc = virtualUri('meeting-reference.txt');
    await client.open(doc, text);
    const reference = hoverMarkdown(await client.hover(doc, rangeOf(text, '35-NQ/TW').start));
    assert.match(reference, /35-NQ\/TW/u);
    assert.doesNotMatch(reference, /Status: /u);
    const meeting = hoverMarkdown(await client.hover(doc, rangeOf(text, 'quán triệt').start));
    assert.match(meeting, /Date: 2017-03-05/u);
    assert.match(meeting, /year written/u);
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

  it('describes a meeting in Vietnamese, with the inlay hint\'s wording for the year\'s evidence', async () => {
    const uri = virtualUri('002.txt');
    await client.open(uri, SEED);
    const markdown = hoverMarkdown(await client.hover(uri, rangeOf(SEED, MEETING).start));
    assert.match(markdown, /Ngày: 2020-12-22/u);
    assert.match(markdown, /năm theo tên hội nghị/u);
    assert.ok(markdown.includes(await dateTooltip(client, uri)), markdown);
    assert.match(markdown, /Trạng thái: được đưa tin/u);
    assert.match(markdown, /Đơn vị tổ chức: Ban Tuyên giáo Tỉnh ủy/u);
  });
});
