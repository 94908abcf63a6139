import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type LspClient } from './harness';
import { readSeed } from './text';

describe('a broken project file or catalog is reported by file and field, and the defaults keep working', () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-broken-'));
    fs.mkdirSync(path.join(root, '.vn-corpus'));
    fs.mkdirSync(path.join(root, 'seeds'));
    fs.writeFileSync(path.join(root, '.vn-corpus', 'config.json'), JSON.stringify({ rules: { 'boilerplate/view-counter': 'loud' }, boilerplate: { extraPhrases: 'Quảng cáo' } }));
    fs.writeFileSync(path.join(root, '.vn-corpus', 'catalog.json'), JSON.stringify({ entries: [{ id: '99-NQ/TW', kind: 'nghị quyết', title: '' }] }));
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
  });
  after(() => client.close());

  it('logs the file and field of each problem and still flags the seed', async () => {
    const diagnostics = await client.open(pathToFileURL(path.join(root, 'seeds', '002.txt')).toString(), readSeed('002_cc6c1fb2d5522765.txt'));
    assert.ok(diagnostics.some((d) => d.code === 'boilerplate/view-counter' && d.severity === 2), 'the invalid severity fell back to the default (warning)');
    const logs = client.logs.join('\n');
    assert.match(logs, /config\.json: rules\.boilerplate\/view-counter: expected one of/u);
    assert.match(logs, /config\.json: boilerplate\.extraPhrases: expected an array of strings/u);
    assert.match(logs, /catalog\.json: entries\[0\]: "title" must be a non-empty string/u);
    assert.ok(client.isAlive());
  });
});
