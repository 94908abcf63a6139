import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, Range } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { flattenSymbols } from './results';
import { readSeed, virtualUri } from './text';

const EVENT = 24;

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('document symbols', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.close());

  const outline = async (seed: string): Promise<DocumentSymbol[]> => {
    const uri = virtualUri(seed);
    await client.open(uri, readSeed(seed));
    const result = await client.documentSymbols(uri);
    assert.ok(Array.isArray(result) && result.length > 0, 'a non-empty outline');
    return flattenSymbols(result);
  };

  it('outlines the meeting of seed 002 with its participants', async () => {
    const events = (await outline('002_cc6c1fb2d5522765.txt')).filter((s) => s.kind === EVENT && s.detail?.startsWith('2020-12-22 · '));
    assert.ok(events.length > 0, 'an Event dated 2020-12-22');
    const names = events.flatMap((e) => flattenSymbols(e.children ?? []).map((c) => c.name));
    assert.ok(names.some((n) => n.includes('Đinh Thị Lụa')), `children: ${names.join(' | ')}`);
  });

  it('outlines the meeting of seed 000', async () => {
    const symbols = await outline('000_2170a959384b290a.txt');
    assert.ok(symbols.some((s) => s.kind === EVENT && s.detail?.startsWith('2020-12-17 · year from the meeting\'s name: năm 2020')), symbols.map((s) => `${s.kind} ${s.detail ?? ''}`).join(' | '));
  });

  it('nests every selection range and child inside its parent\'s range', async () => {
    const misplaced = (await outline('002_cc6c1fb2d5522765.txt')).flatMap((s) => [
      ...(contains(s.range, s.selectionRange) ? [] : [`${s.name}: selectionRange ${JSON.stringify(s.selectionRange)}`]),
      ...(s.children ?? []).filter((c) => !contains(s.range, c.range)).map((c) => `${s.name} ${JSON.stringify(s.range)} > ${c.name} ${JSON.stringify(c.range)}`),
    ]);
    assert.deepEqual(misplaced, []);
  });
});
