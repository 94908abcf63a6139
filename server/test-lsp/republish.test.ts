import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';

describe('a settings change', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-republish-'));
    fs.mkdirSync(path.join(root, 'corpus'));
    for (const n of [1, 2, 3]) fs.writeFileSync(path.join(root, 'corpus', `a${n}.txt`), `Bài ${n}\nLượt xem: ${n}\nNội dung riêng của bài số ${n}.\n`);
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
    const file = path.join(root, 'corpus', 'a1.txt');
    uri = pathToFileURL(file).toString();
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    // The first indexing may finish after the open and republish with the old settings (or find nothing changed and
    // send nothing); let it finish, and the analysis it started, which a hover waits for, before settings change.
    await client.log(/^indexed \d+ article files/u);
    await client.hover(uri, { line: 0, character: 0 });
  });
  after(() => client.close());

  it('re-reads settings, rescans the index and republishes an open document once', async () => {
    const before = client.allDiagnostics(uri).length;
    const since = client.mark();
    client.settings = { rules: { 'boilerplate/view-counter': 'error' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    // The rescan republishes; anything published before it finished may still carry the old settings.
    const republished = await client.publicationAfterLog(/^indexed \d+ article files/u, uri, since);
    assert.equal(republished.diagnostics.find((d) => d.code === 'boilerplate/view-counter')?.severity, 1, 'the new severity is in force');
    // A later edit is published after anything still pending for version 1, so it bounds the count.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Tiêu đề: ' }]);
    const v1 = client.allDiagnostics(uri).slice(before).filter((p) => p.version === 1);
    assert.equal(v1.length, 1, `version 1 was published ${v1.length} times after the change`);
  });
});
