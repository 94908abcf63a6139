import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { readSeed, virtualUri } from './text';

describe('boilerplate blocks are folding ranges', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.close());

  it('folds the related-articles list of seed 004 and the visitor statistics of seed 002', async () => {
    const uri004 = virtualUri('004.txt');
    await client.open(uri004, readSeed('004_a3928af7079e8ada.txt'));
    const ranges004 = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri004 } })) ?? [];
    // The list of titles under "Cùng chuyên mục" (line 32) runs to the end of the file (line 152).
    assert.ok(ranges004.some((r) => r.startLine <= 32 && r.endLine >= 151), JSON.stringify(ranges004));
    const uri002 = virtualUri('002.txt');
    await client.open(uri002, readSeed('002_cc6c1fb2d5522765.txt'));
    const ranges002 = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri002 } })) ?? [];
    assert.ok(ranges002.some((r) => r.startLine === 35 && r.endLine === 40), JSON.stringify(ranges002));
  });
});
