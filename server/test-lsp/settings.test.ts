import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { withCode } from './results';
import { positionOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');
const COUNTER = 'boilerplate/view-counter';

describe('settings from workspace/configuration', () => {
  const clients: LspClient[] = [];
  after(() => Promise.all(clients.map((c) => c.close())));

  const openWith = async (settings: unknown): Promise<{ client: LspClient; uri: string; diagnostics: Diagnostic[] }> => {
    const client = await startServer({ settings });
    clients.push(client);
    const uri = virtualUri('002.txt');
    return { client, uri, diagnostics: await client.open(uri, SEED) };
  };

  it('turns a rule off', async () => {
    const { diagnostics } = await openWith({ rules: { [COUNTER]: 'off' } });
    assert.equal(withCode(diagnostics, COUNTER).length, 0);
    assert.ok(withCode(diagnostics, 'boilerplate/account-link').length > 0, 'other rules still run');
  });

  it('raises a rule to error', async () => {
    const { diagnostics } = await openWith({ rules: { [COUNTER]: 'error' } });
    assert.deepEqual(withCode(diagnostics, COUNTER).map((d) => d.severity), [1]);
  });

  it('falls back to defaults on a broken value and stays up', async () => {
    const { client, uri, diagnostics } = await openWith({ rules: 42 });
    assert.equal(withCode(diagnostics, COUNTER).length, 1);
    assert.ok(await client.hover(uri, positionOf(SEED, 21, 'Ban Chỉ đạo 35')));
    assert.ok(client.isAlive());
  });

  it('re-publishes after didChangeConfiguration', async () => {
    const { client, uri, diagnostics } = await openWith({});
    assert.equal(withCode(diagnostics, COUNTER).length, 1);
    const off = await client.changeSettings({ rules: { [COUNTER]: 'off' } }, uri);
    assert.equal(withCode(off, COUNTER).length, 0);
    const error = await client.changeSettings({ rules: { [COUNTER]: 'error' } }, uri);
    assert.deepEqual(withCode(error, COUNTER).map((d) => d.severity), [1]);
  });
});
