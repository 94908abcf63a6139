import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { withCode } from './results';
import { isInside, rangeOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');
const UNNECESSARY = 1;

describe('diagnostics of seed 002', () => {
  let client: LspClient;
  let diagnostics: Diagnostic[];
  before(async () => {
    client = await startServer();
    diagnostics = await client.open(virtualUri('002.txt'), SEED);
  });
  after(() => client.close());

  it('are published with source vn-corpus', () => {
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assert.equal(d.source, 'vn-corpus', JSON.stringify(d));
  });

  it('flag the view counter on the whole of its line', () => {
    const [counter, ...more] = withCode(diagnostics, 'boilerplate/view-counter');
    assert.equal(more.length, 0);
    assert.deepEqual(counter?.range, rangeOf(SEED, 'Lượt xem: 270'));
  });

  it('tag certain boilerplate as unnecessary, and only that', () => {
    for (const code of ['boilerplate/view-counter', 'boilerplate/placeholder', 'boilerplate/account-link']) {
      const found = withCode(diagnostics, code);
      assert.ok(found.length > 0, `${code} reported`);
      for (const d of found) assert.deepEqual(d.tags, [UNNECESSARY], `${code} at line ${d.range.start.line}`);
    }
    for (const d of withCode(diagnostics, 'boilerplate/whitespace-line')) assert.ok(!d.tags?.includes(UNNECESSARY), 'weak findings are not dimmed');
  });

  it('lie inside the document', () => {
    for (const d of diagnostics) assert.ok(isInside(SEED, d.range), JSON.stringify(d.range));
  });

  it('link to the rule documentation', () => {
    const counter = withCode(diagnostics, 'boilerplate/view-counter')[0];
    assert.match(counter?.codeDescription?.href ?? '', /boilerplate-view-counter\.md$/u);
    for (const d of diagnostics) {
      const href = d.codeDescription?.href ?? '';
      assert.ok(href.startsWith('file:') && fs.existsSync(fileURLToPath(href)), `${String(d.code)} links to an existing page: ${href}`);
    }
  });
});
