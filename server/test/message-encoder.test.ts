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
