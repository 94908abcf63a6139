import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { run } from '../src/cli/main';
import type { CorpusReport } from '../src/core/report/corpus-report';
import type { IndexStatus, ReportUpdate } from '../src/protocol';
import { startServer, withTimeout, EVENT_TIMEOUT_MS, type LspClient } from './harness';
import { REPO_ROOT } from './text';

const FILES = 60;

/** A small generated article: its own title and body, and a footer every file shares. */
function article(i: number): string {
  return `Tin số ${i}: hội nghị tổng kết công tác năm ${2000 + (i % 20)}\n\nSáng 1${i % 10}/12, Ban Tuyên giáo tổ chức hội nghị tổng kết thứ ${i}.\nĐại biểu thảo luận về Chỉ thị 05-CT/TW và Nghị quyết ${100 + i}.\nBản quyền thuộc về Báo Điện tử Tỉnh\n`;
}

describe('the corpus report through the server: partial updates, totals, the same numbers as the CLI', () => {
  let client: LspClient;
  let root: string;
  const updates: ReportUpdate[] = [];
  const statuses: IndexStatus[] = [];
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-report-'));
    fs.mkdirSync(path.join(root, 'corpus'));
    fs.mkdirSync(path.join(root, 'seeds'));
    for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(root, 'corpus', `a${String(i).padStart(3, '0')}.txt`), article(i));
    for (const seed of fs.readdirSync(path.join(REPO_ROOT, 'seeds'))) fs.copyFileSync(path.join(REPO_ROOT, 'seeds', seed), path.join(root, 'seeds', seed));
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
    client.connection.onNotification('vnCorpus/reportUpdate', (u: ReportUpdate) => void updates.push(u));
    client.connection.onNotification('vnCorpus/indexStatus', (s: IndexStatus) => void statuses.push(s));
  });
  after(() => client.close());

  it('the report request answers with the whole corpus, after partial updates, and the status bar gets the totals', async () => {
    const total = FILES + 5;
    let final: ReportUpdate | null = null;
    // The first answer may come from a scan that started before the index was complete; ask until it covers the corpus.
    const deadline = Date.now() + EVENT_TIMEOUT_MS;
    while (Date.now() < deadline) {
      final = await withTimeout(client.connection.sendRequest<ReportUpdate | null>('vnCorpus/report'), EVENT_TIMEOUT_MS, 'vnCorpus/report');
      if (final && final.total === total) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(final, 'no report');
    assert.equal(final.done, total);
    assert.equal(final.report.totals.files, total);
    const partial = updates.filter((u) => u.done < u.total && u.total === total);
    assert.ok(partial.length > 0, `no partial update among ${updates.map((u) => `${u.done}/${u.total}`).join(', ')}`);
    for (const u of partial) assert.equal(u.report.totals.files, u.done);
    // The status bar heard the index start (0 of 65) and the report's partial progress before the totals.
    assert.ok(statuses.some((s) => s.indexing && s.phase === 'index' && s.total === total), statuses.map((s) => `${s.phase} ${s.done}/${s.total}`).join(', '));
    assert.ok(statuses.some((s) => s.indexing && s.phase === 'report' && s.done < s.total));
    const done = statuses.filter((s) => s.totals !== undefined).at(-1);
    assert.deepEqual(done?.totals, final.report.totals);
    // The shared footer recurs in every generated file.
    const corpus = final.report.groups.find((g) => g.name === 'corpus');
    assert.equal(corpus?.topLines[0]?.files, FILES);
    assert.equal(corpus?.topLines[0]?.text, 'Bản quyền thuộc về Báo Điện tử Tỉnh');
  });

  it('equals `vn-corpus report --format json` on the same folder', async () => {
    let out = '';
    const code = await run(['report', '--format', 'json', root], { out: (t) => { out += t; }, err: () => undefined, isTTY: false });
    assert.equal(code, 0);
    const cli = JSON.parse(out) as CorpusReport;
    const server = await client.connection.sendRequest<ReportUpdate>('vnCorpus/report');
    assert.deepEqual(server.report, cli);
  });
});
