import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { codesByLine, withCode } from './results';
import { linesOf, offsetAt, rangeOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');

/** What a diagnostic says, without `data`, which may legitimately carry per-version bookkeeping. */
function essence(d: Diagnostic): unknown {
  return { code: d.code, range: d.range, severity: d.severity, message: d.message, tags: d.tags };
}

/** The text a diagnostic covers, NFC-normalized so NFD and NFC documents compare. */
function covered(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end)).normalize('NFC');
}

describe('document changes and text variants', () => {
  let client: LspClient;
  let original: Diagnostic[];
  before(async () => {
    client = await startServer();
    original = await client.open(virtualUri('002.txt'), SEED);
  });
  after(() => client.close());

  it('re-analyses after an incremental insert and its undo', async () => {
    const uri = virtualUri('002-edited.txt');
    await client.open(uri, SEED);
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const inserted = await client.change(uri, [{ range: top, text: 'Lượt xem: 999\n' }]);
    assert.deepEqual(withCode(inserted, 'boilerplate/view-counter').map((d) => d.range.start.line).sort((a, b) => a - b), [0, 4]);
    assert.deepEqual(withCode(inserted, 'boilerplate/view-counter')[0]?.range.end, { line: 0, character: 13 });
    assert.deepEqual(codesByLine(inserted), [...codesByLine(original, 1), 'boilerplate/view-counter@0'].sort());
    const removed = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.equal(client.textOf(uri), SEED);
    assert.deepEqual(removed.map(essence), original.map(essence));
  });

  it('maps NFD text back to the original offsets', async () => {
    const nfd = SEED.normalize('NFD');
    assert.notEqual(nfd, SEED);
    const found = await client.open(virtualUri('002-nfd.txt'), nfd);
    assert.deepEqual(codesByLine(found), codesByLine(original));
    const counter = withCode(found, 'boilerplate/view-counter')[0];
    const nfdLine = 'Lượt xem: 270'.normalize('NFD');
    assert.ok(nfdLine.length > 13, 'the NFD line is longer in UTF-16');
    assert.deepEqual(counter?.range, rangeOf(nfd, nfdLine));
    assert.deepEqual(found.map((d) => covered(nfd, d)), original.map((d) => covered(SEED, d)));
  });

  it('flags the same lines with CRLF line endings', async () => {
    const crlf = SEED.replace(/\n/gu, '\r\n');
    const found = await client.open(virtualUri('002-crlf.txt'), crlf);
    assert.deepEqual(codesByLine(found), codesByLine(original));
    assert.deepEqual(found.map((d) => essence(d)), original.map((d) => essence(d)));
  });

  it('keeps whole-line ranges after an emoji line', async () => {
    const lines = linesOf(SEED);
    const at = rangeOf(SEED, 'Lượt xem: 270').start.line;
    const withEmoji = [...lines.slice(0, at), 'Người dân phấn khởi 🇻🇳🎉👍 đón năm mới', ...lines.slice(at)].join('\n');
    const found = await client.open(virtualUri('002-emoji.txt'), withEmoji);
    const shifted = original.map((d) => `${String(d.code)}@${d.range.start.line + (d.range.start.line >= at ? 1 : 0)}`).sort();
    assert.deepEqual(codesByLine(found), shifted);
    assert.deepEqual(withCode(found, 'boilerplate/view-counter')[0]?.range, rangeOf(withEmoji, 'Lượt xem: 270'));
    assert.deepEqual(found.map((d) => covered(withEmoji, d)), original.map((d) => covered(SEED, d)));
  });
});
