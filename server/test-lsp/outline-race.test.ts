import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { flattenSymbols } from './results';
import { readSeed } from './text';

const EVENT = 24;

describe('a request waiting while the index changes', () => {
  let client: LspClient;
  let uri: string;
  let other: string;
  let text: string;
  before(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-outline-race-'));
    fs.mkdirSync(path.join(root, 'corpus'));
    // A long article, so its analysis is still running when the index change arrives.
    text = Array.from({ length: 20 }, () => readSeed('002_cc6c1fb2d5522765.txt')).join('\n');
    const file = path.join(root, 'corpus', 'a1.txt');
    other = path.join(root, 'corpus', 'a2.txt');
    fs.writeFileSync(file, text);
    fs.writeFileSync(other, 'Bài khác\nNội dung riêng của bài khác.\n');
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
    uri = pathToFileURL(file).toString();
    await client.open(uri, text);
    // The first indexing may finish after the open and republish, or find nothing changed and send nothing: let it
    // finish, and the analysis it started (which an outline waits for); after that the index is there to be changed.
    await client.log(/^indexed \d+ article files/u);
    await client.documentSymbols(uri);
  });
  after(() => client.close());

  it('answers the outline of the new version, not an empty one, when a file change bumps the index meanwhile', async () => {
    const changed = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Tiêu đề: ' }]);
    const symbols = client.documentSymbols(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(other).toString(), type: FileChangeType.Changed }] });
    const result = await symbols;
    assert.ok(Array.isArray(result) && result.length > 0, `an outline, got ${JSON.stringify(result)}`);
    const events = flattenSymbols(result).filter((s) => s.kind === EVENT && (s.detail ?? '').startsWith('2020-12-22'));
    assert.ok(events.length > 0, 'the meeting of 2020-12-22 is in it');
    await changed;
  });
});
