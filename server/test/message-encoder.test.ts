import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsReusingEncoder } from '../src/lsp/message-encoder';

const OPTIONS = { charset: 'utf-8' } as const;
const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

test('a publish of diagnostics, some sent before, encodes to the bytes JSON.stringify gives', async () => {
  const encoder = diagnosticsReusingEncoder();
  const kept = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, message: 'Lượt xem: "270"', code: 'boilerplate/view-counter', data: { index: 0 } };
  for (const diagnostics of [[kept], [kept, { ...kept, message: 'khác 😀' }], [], [{ ...kept }, kept]]) {
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///tmp/a.txt', version: 3, diagnostics } };
    assert.equal(decode(await encoder.encode(message, OPTIONS)), JSON.stringify(message));
  }
});

test('any other message, and diagnostics not last in their params, encode as JSON.stringify does', async () => {
  const encoder = diagnosticsReusingEncoder();
  const messages = [
    { jsonrpc: '2.0', id: 1, result: { contents: 'Nghị định' } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [{ message: 'a' }], uri: 'file:///b.txt' } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x' } },
  ];
  for (const message of messages) assert.equal(decode(await encoder.encode(message, OPTIONS)), JSON.stringify(message));
});

test('a full report answering a diagnostic pull, some diagnostics encoded before, encodes to the bytes JSON.stringify gives', async () => {
  const encoder = diagnosticsReusingEncoder();
  const kept = { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 4 } }, message: 'Ảnh: "Hà Nội"', code: 'boilerplate/photo-credit' };
  for (const items of [[kept], [kept, { ...kept, message: 'khác' }], [], [{ ...kept }, kept]]) {
    const message = { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '12', items } };
    assert.equal(decode(await encoder.encode(message, OPTIONS)), JSON.stringify(message));
  }
  const unchanged = { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: '12' } };
  assert.equal(decode(await encoder.encode(unchanged, OPTIONS)), JSON.stringify(unchanged));
  const itemsNotLast = { jsonrpc: '2.0', id: 9, result: { kind: 'full', items: [kept], resultId: '13' } };
  assert.equal(decode(await encoder.encode(itemsNotLast, OPTIONS)), JSON.stringify(itemsNotLast));
});

test('a diagnostic object is encoded once, in a publish or a full pull report: later messages copy its bytes', async () => {
  for (const wrap of [
    (items: object[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///tmp/a.txt', diagnostics: items } }),
    (items: object[]) => ({ jsonrpc: '2.0', id: 3, result: { kind: 'full', resultId: '1', items } }),
  ]) {
    const encoder = diagnosticsReusingEncoder();
    const diagnostic = { message: 'trước' };
    await encoder.encode(wrap([diagnostic]), OPTIONS);
    // Diagnostics are never changed once sent; changing one here shows whether its first bytes were kept.
    diagnostic.message = 'sau';
    assert.match(decode(await encoder.encode(wrap([diagnostic]), OPTIONS)), /"message":"trước"/u);
  }
});
