import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, startServer, type StartOptions } from './harness';

async function initializeResultOf(options: StartOptions): Promise<InitializeResult> {
  const client = await startServer(options);
  try {
    assert.ok(client.initializeResult);
    return client.initializeResult;
  } finally {
    await client.close();
  }
}

function assertCapabilities(result: InitializeResult): void {
  const caps = result.capabilities;
  const sync = caps.textDocumentSync;
  assert.equal(typeof sync === 'object' ? sync.change : sync, 2, 'incremental text sync');
  assert.ok(caps.hoverProvider, 'hoverProvider');
  assert.ok(caps.definitionProvider, 'definitionProvider');
  assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
  const actions = caps.codeActionProvider;
  assert.ok(typeof actions === 'object', 'codeActionProvider with options');
  assert.ok(actions.codeActionKinds?.includes('source.fixAll.vn-corpus'), `kinds: ${JSON.stringify(actions.codeActionKinds)}`);
  assert.ok(actions.codeActionKinds?.includes('quickfix'), 'quickfix kind');
  assert.equal(result.serverInfo?.name, 'vn-corpus');
}

describe('initialize', () => {
  it('dist/server.js --stdio announces its capabilities', async () => {
    assertCapabilities(await initializeResultOf({}));
  });

  it('`vn-corpus lsp --stdio` starts the same server', async () => {
    assertCapabilities(await initializeResultOf({ args: [path.join(REPO_ROOT, 'bin', 'vn-corpus'), 'lsp', '--stdio'] }));
  });
});
