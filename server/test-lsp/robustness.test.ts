import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type LspClient } from './harness';
import { positionOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');
const ORIGIN = { line: 0, character: 0 };
/** The huge line takes seconds to analyse (one finding per sentence); it must finish, not be fast. */
const HUGE_TIMEOUT_MS = 120_000;

/** About 2 MB of Vietnamese text, references and boilerplate phrases on a single line. */
const ONE_HUGE_LINE = 'Lượt xem: 270 Theo Nghị định 15/2020/NĐ-CP, Ban Chỉ đạo 35 đã họp ngày 22/12. '.repeat(26_000);
/** NUL and control bytes, lone surrogates, U+FFFF and a BOM in the middle of article lines. */
const BINARY_LIKE = ['\u0000\u0001\u0002PK\u0003\u0004', 'Lượt xem: \uD800270', '\uDC00\uFFFF\uFEFF\u0000 Chỉ thị 05', '\u0000'.repeat(1000), '\uD83D'].join('\n');

describe('robustness', () => {
  let client: LspClient;
  const seedUri = virtualUri('002.txt');
  before(async () => {
    client = await startServer();
    await client.open(seedUri, SEED);
  });
  after(() => client.close());

  it('survives a 2 MB line, binary-like text and an empty document', async () => {
    assert.ok(ONE_HUGE_LINE.length > 2_000_000);
    const uris = { huge: virtualUri('huge.txt'), binary: virtualUri('binary.txt'), empty: virtualUri('empty.txt') };
    const published = Promise.all([client.open(uris.huge, ONE_HUGE_LINE, HUGE_TIMEOUT_MS), client.open(uris.binary, BINARY_LIKE), client.open(uris.empty, '')]);
    const hover = await client.hover(seedUri, positionOf(SEED, 21, 'Ban Chỉ đạo 35'));
    assert.ok(hover, 'a hover on another document while the others are analysed');
    const [, , empty] = await published;
    assert.deepEqual(empty, []);
    for (const uri of Object.values(uris)) {
      await client.hover(uri, ORIGIN);
      await client.documentSymbols(uri);
      await client.codeActions(uri, { start: ORIGIN, end: ORIGIN }, { diagnostics: [] });
    }
    assert.ok(await client.hover(seedUri, positionOf(SEED, 21, 'Ban Chỉ đạo 35')), 'still answering afterwards');
    assert.ok(client.isAlive(), 'the server process is still running');
  });

  it('answers requests about an unknown document with empty results', async () => {
    const unknown = virtualUri('never-opened.txt');
    assert.equal(await client.hover(unknown, ORIGIN), null);
    assert.equal(await client.definition(unknown, ORIGIN), null);
    assert.deepEqual((await client.documentSymbols(unknown)) ?? [], []);
    assert.deepEqual((await client.codeActions(unknown, { start: ORIGIN, end: ORIGIN }, { diagnostics: [] })) ?? [], []);
    assert.ok(client.isAlive());
  });
});
