import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkedWriter } from '../src/cli/chunked-writer';

test('a chunked writer holds text until its chunk is full, then writes it all at once, in order', () => {
  const writes: string[] = [];
  const writer = new ChunkedWriter((t) => writes.push(t), 10);
  writer.add('abc');
  writer.add('def');
  assert.deepEqual(writes, []);
  writer.add('ghij');
  assert.deepEqual(writes, ['abcdefghij']);
  writer.add('k');
  writer.add('');
  writer.flush();
  writer.flush();
  assert.deepEqual(writes, ['abcdefghij', 'k']);
});

test('a chunked writer writes nothing for empty text', () => {
  const writes: string[] = [];
  const writer = new ChunkedWriter((t) => writes.push(t), 10);
  writer.add('');
  writer.flush();
  assert.deepEqual(writes, []);
});
