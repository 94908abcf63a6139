import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ApplyWorkspaceEditRequest, ExecuteCommandRequest, ReferencesRequest, ShowDocumentRequest, type ApplyWorkspaceEditParams, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { EVENT_TIMEOUT_MS, startServer, withTimeout, type LspClient } from './harness';
import { rangeOf } from './text';

const SHARED = 'Cổng thông tin điện tử Đảng bộ tỉnh';

/** A workspace whose corpus/ holds four articles sharing one chrome line, and one with a view counter. */
function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-ws-'));
  fs.mkdirSync(path.join(root, 'corpus'));
  for (const n of [1, 2, 3, 4]) {
    fs.writeFileSync(path.join(root, 'corpus', `a${n}.txt`), `Bài số ${n} về công tác tuyên giáo của tỉnh\n\n${SHARED}\n\nNội dung riêng của bài số ${n}, với nhiều chi tiết khác nhau.\n`);
  }
  fs.writeFileSync(path.join(root, 'corpus', 'b.txt'), 'Tiêu đề bài viết có bộ đếm lượt xem\nLượt xem: 270\n\nNội dung bài viết.\n');
  fs.writeFileSync(path.join(root, 'corpus', 'c1.txt'), 'Tiêu đề một bài về học tập và làm theo Bác\n\nThực hiện Chỉ thị 05 của Bộ Chính trị, các chi bộ đăng ký làm theo Bác.\n');
  fs.writeFileSync(path.join(root, 'corpus', 'c2.txt'), 'Tiêu đề bài khác về học tập và làm theo Bác\n\nTiếp tục thực hiện Chỉ thị số 05-CT/TW; đồng thời thực hiện Nghị quyết số 99-NQ/TW.\n');
  fs.mkdirSync(path.join(root, 'node_modules', 'x', 'corpus'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'x', 'corpus', 'skip.txt'), `${SHARED}\n`);
  return root;
}

/** Waits until a publish for the uri satisfies the predicate. */
async function until(client: LspClient, uri: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  for (;;) {
    const next = await withTimeout(client.nextDiagnostics(uri), Math.max(1, deadline - Date.now()), `diagnostics for ${uri}`);
    if (ok(next.diagnostics)) return next.diagnostics;
  }
}

describe('workspace: corpus index, keep-line and clean-workspace commands', () => {
  let client: LspClient;
  let root: string;
  const applied: ApplyWorkspaceEditParams[] = [];
  before(async () => {
    root = makeWorkspace();
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
    client.connection.onRequest(ShowDocumentRequest.type, () => ({ success: true }));
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
  });
  after(() => client.close());

  it('flags a line that recurs in the corpus with the number of files and links to others', async () => {
    const file = path.join(root, 'corpus', 'a1.txt');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const first = client.open(uri, text);
    const isRecurring = (d: Diagnostic): boolean => d.code === 'boilerplate/recurring-line';
    const initial = await first;
    const diagnostics = initial.some(isRecurring) ? initial : await until(client, uri, (ds) => ds.some(isRecurring));
    const found = diagnostics.find(isRecurring);
    assert.deepEqual(found?.range.start, rangeOf(text, SHARED).start);
    assert.match(String(found?.message ?? ''), /Appears in 4 files/u, 'node_modules is not indexed');
    assert.ok((found?.relatedInformation ?? []).length >= 1);
    assert.ok(found?.relatedInformation?.every((r) => r.location.uri !== uri && r.location.uri.includes('/corpus/a')));
  });

  it('"Keep this line" writes .vn-corpus/allow.json and the line is no longer flagged', async () => {
    const uri = pathToFileURL(path.join(root, 'corpus', 'a1.txt')).toString();
    const cleared = until(client, uri, (ds) => !ds.some((d) => d.code === 'boilerplate/recurring-line'));
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vnCorpus.keepLine', arguments: [SHARED] });
    await cleared;
    const allow = JSON.parse(fs.readFileSync(path.join(root, '.vn-corpus', 'allow.json'), 'utf8')) as { lines: string[] };
    assert.deepEqual(allow.lines, [SHARED]);
  });

  it('"Clean boilerplate in all corpus files" sends one workspace edit that needs confirmation', async () => {
    const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vnCorpus.cleanWorkspace', arguments: [] });
    assert.equal(ok, true);
    const edit = applied.at(-1)?.edit;
    const annotations = Object.values(edit?.changeAnnotations ?? {});
    assert.ok(annotations.length === 1 && annotations[0]?.needsConfirmation === true);
    const changes = (edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => path.basename(c.textDocument.uri)), ['b.txt'], 'only the file with certain boilerplate');
    assert.deepEqual(changes[0]?.edits.map((e) => e.range), [{ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }]);
  });

  it('find all references lists every mention of the same document across the corpus', async () => {
    const file = path.join(root, 'corpus', 'c1.txt');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text);
    const locations = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri }, position: rangeOf(text, 'ỉ thị 05').start, context: { includeDeclaration: true },
    });
    const other = fs.readFileSync(path.join(root, 'corpus', 'c2.txt'), 'utf8');
    assert.deepEqual((locations ?? []).map((l) => `${path.basename(l.uri)}:${JSON.stringify(l.range)}`).sort(), [
      `c1.txt:${JSON.stringify(rangeOf(text, 'Chỉ thị 05 của Bộ Chính trị'))}`,
      `c2.txt:${JSON.stringify(rangeOf(other, 'Chỉ thị số 05-CT/TW'))}`,
    ]);
  });

  it('an unknown document offers a stub entry for .vn-corpus/catalog.json, left for a person to fill in', async () => {
    const file = path.join(root, 'corpus', 'c2.txt');
    const uri = pathToFileURL(file).toString();
    const diagnostics = await client.open(uri, fs.readFileSync(file, 'utf8'));
    const unknown = diagnostics.find((d) => d.code === 'reference/unknown');
    assert.ok(unknown, 'Nghị quyết số 99-NQ/TW is not catalogued');
    const actions = (await client.codeActions(uri, unknown.range, { diagnostics: [unknown] })) ?? [];
    const stub = actions.find((a) => 'command' in a && typeof a.command === 'object' && a.command?.command === 'vnCorpus.addCatalogStub');
    assert.ok(stub && 'command' in stub && typeof stub.command === 'object');
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'vnCorpus.addCatalogStub', arguments: stub.command?.arguments ?? [] });
    const catalog = JSON.parse(fs.readFileSync(path.join(root, '.vn-corpus', 'catalog.json'), 'utf8')) as { entries: { id: string; title: string; kind: string }[] };
    assert.deepEqual(catalog.entries.map((e) => [e.id, e.kind, e.title]), [['99-NQ/TW', 'nghị quyết', '']]);
  });
});
