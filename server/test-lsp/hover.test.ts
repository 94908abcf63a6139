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
