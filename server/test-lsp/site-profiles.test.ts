import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ApplyWorkspaceEditRequest, ShowMessageRequest, type ApplyWorkspaceEditParams, type Diagnostic, type ShowMessageRequestParams, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { EVENT_TIMEOUT_MS, REPO_ROOT, startServer, withTimeout, type LspClient } from './harness';

const PAGES = path.join(REPO_ROOT, 'server', 'test', 'corpora', 'sites');
const SHARED = 'Xem thêm chuyên đề Mùa xuân quê hương';
const PAIR = 'Mời bạn đọc gửi ảnh về tòa soạn';

/** A workspace: the synthetic site pages under corpus/ (two sites over two folders), plus three pages sharing one line. */
function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-sites-'));
  fs.cpSync(path.join(PAGES, 'crawl'), path.join(root, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(root, 'corpus', 'misc'));
  const body = (n: number): string => `Bài ghi chép số ${n} về một làng nghề ven đô\nLàng nghề số ${n} đã giữ được nghề truyền thống qua nhiều thế hệ.\n`;
  fs.writeFileSync(path.join(root, 'corpus', 'misc', 'x1.txt'), `${body(1)}${SHARED}\n${PAIR}\nKết thúc bài số 1.\n`);
  fs.writeFileSync(path.join(root, 'corpus', 'misc', 'x2.txt'), `${body(2)}${SHARED}\n${PAIR}\n`);
  fs.writeFileSync(path.join(root, 'corpus', 'misc', 'x3.txt'), `${body(3)}${SHARED}\n`);
  return root;
}

async function until(client: LspClient, uri: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  for (;;) {
    const next = await withTimeout(client.nextDiagnostics(uri), Math.max(1, deadline - Date.now()), `diagnostics for ${uri}`);
    if (ok(next.diagnostics)) return next.diagnostics;
  }
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The CLI's JSON findings, in the shape that the comparison needs. */
interface CliFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly range: Diagnostic['range'];
}

const siteChromeLine = (id: string, range: Diagnostic['range'], severity: string, message: string): string | undefined =>
  id === 'boilerplate/site-chrome' ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${severity} ${message}` : undefined;

/** The site-chrome diagnostics as comparable strings. */
const chromeOf = (ds: readonly Diagnostic[]): string[] =>
  ds.flatMap((d) => siteChromeLine(String(d.code), d.range, SEVERITY[d.severity ?? 3] ?? '', typeof d.message === 'string' ? d.message : d.message.value) ?? []).sort();

/** The CLI's site-chrome findings as the same strings. */
const cliChromeOf = (findings: readonly CliFinding[]): string[] => findings.flatMap((f) => siteChromeLine(f.ruleId, f.range, f.severity, f.message) ?? []).sort();

describe('site profiles and learning from the curator, through the server', () => {
  let client: LspClient;
  let root: string;
  const messages: ShowMessageRequestParams[] = [];
  const applied: ApplyWorkspaceEditParams[] = [];
  let answer: 'preview' | 'dismiss' = 'preview';
  before(async () => {
    root = makeWorkspace();
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
    client.connection.onRequest(ShowMessageRequest.type, (params) => {
      messages.push(params);
      return answer === 'preview' ? (params.actions?.[0] ?? null) : null;
    });
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
  });
  after(() => client.close());

  it('flags the chrome of the page\'s site, as the CLI does for the same files', async () => {
    const file = path.join(root, 'corpus', '2023', 'songhong-1.txt');
    const uri = pathToFileURL(file).toString();
    const first = await client.open(uri, fs.readFileSync(file, 'utf8'));
    const diagnostics = chromeOf(first).length > 0 ? first : await until(client, uri, (ds) => chromeOf(ds).length > 0);
    const chrome = chromeOf(diagnostics);
    // 14 chrome lines; the © line is also a footer, whose certain finding takes it.
    assert.equal(chrome.length, 13, chrome.join('\n'));
    assert.ok(chrome.every((c) => c.includes('Chrome of site songhong (seen in 4 of its 4 pages)')), chrome.join('\n'));
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'vn-corpus'), 'lint', '--format', 'json', path.join(root, 'corpus')], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 1, `vn-corpus lint finds something: ${run.stderr}`);
    const cli = JSON.parse(run.stdout) as { uri: string; findings: CliFinding[] }[];
    assert.deepEqual(cliChromeOf(cli.find((r) => r.uri === uri)?.findings ?? []), chrome, 'the CLI flags the same site chrome');
  });

  it('lists the site profiles on request and keeps them in a cache file next to the index', async () => {
    const result = await withTimeout(client.connection.sendRequest<{ text: string } | null>('vnCorpus/siteProfiles'), EVENT_TIMEOUT_MS, 'site profiles');
    assert.ok(result, 'the index is built');
    assert.match(result.text, /^Site profiles: 2 sites in 11 files; 4 files belong to no site$/mu);
    assert.match(result.text, /^## songhong: 4 pages, 14 chrome lines$/mu);
    assert.match(result.text, /^pages: corpus\/2023\/songhong-1\.txt, corpus\/2023\/songhong-2\.txt, corpus\/2024\/songhong-3\.txt, corpus\/2024\/songhong-4\.txt$/mu);
    assert.match(result.text, /^ {6}3\/3 {2}Bản quyền thuộc về Tin Miền Tây$/mu);
    const id = crypto.createHash('sha1').update(root).digest('hex').slice(0, 12);
    const cache = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), 'vn-corpus-index', `index-${id}.sites.json`), 'utf8')) as { profiles: { sites: { name: string }[] } };
    assert.deepEqual(cache.profiles.sites.map((s) => s.name), ['songhong', 'mientay']);
  });

  it('offers once to remove a hand-deleted line from the other files, with a preview, and keeps it as a user phrase', async () => {
    const file = path.join(root, 'corpus', 'misc', 'x1.txt');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text);
    const line = text.split('\n').indexOf(SHARED);
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    const done = (): boolean => applied.length > 0 && fs.existsSync(path.join(root, '.vn-corpus', 'config.json'));
    const deadline = Date.now() + EVENT_TIMEOUT_MS;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(done(), `the offer, the preview edit and the new phrase; messages: ${JSON.stringify(messages)}; log: ${client.logs.slice(-5).join(' | ')}`);
    assert.equal(messages.length, 1);
    assert.match(messages[0]?.message ?? '', /“Xem thêm chuyên đề Mùa xuân quê hương” is also in 2 other files of the corpus/u);
    assert.equal(messages[0]?.actions?.[0]?.title, 'Preview removal in 2 files');
    const edit = applied[0]?.edit;
    assert.equal(edit?.changeAnnotations?.['vn-corpus-curator']?.needsConfirmation, true, 'the removal is shown as a preview first');
    const changes = (edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => path.basename(new URL(c.textDocument.uri).pathname)).sort(), ['x2.txt', 'x3.txt']);
    assert.deepEqual(changes.map((c) => c.edits.map((e) => [e.range.start.line, e.range.end.line, 'newText' in e ? e.newText : undefined])), [[[2, 3, '']], [[2, 3, '']]]);
    const config = JSON.parse(fs.readFileSync(path.join(root, '.vn-corpus', 'config.json'), 'utf8')) as { boilerplate: { extraPhrases: string[] } };
    assert.deepEqual(config.boilerplate.extraPhrases, [SHARED]);
  });

  it('a dismissed offer changes nothing and no line is offered twice', async () => {
    answer = 'dismiss';
    const file = path.join(root, 'corpus', 'misc', 'x1.txt');
    const uri = pathToFileURL(file).toString();
    const pair = client.textOf(uri).split('\n').indexOf(PAIR);
    await client.change(uri, [{ range: { start: { line: pair, character: 0 }, end: { line: pair + 1, character: 0 } }, text: '' }]);
    const deadline = Date.now() + EVENT_TIMEOUT_MS;
    while (messages.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(messages[1]?.message ?? '', /“Mời bạn đọc gửi ảnh về tòa soạn” is also in 1 other files/u);
    const other = pathToFileURL(path.join(root, 'corpus', 'misc', 'x2.txt')).toString();
    const otherText = fs.readFileSync(new URL(other), 'utf8');
    await client.open(other, otherText);
    const at = otherText.split('\n').indexOf(PAIR);
    // The publish of the edited version comes after any offer the edit would have caused.
    await client.change(other, [{ range: { start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }, text: '' }]);
    assert.equal(messages.length, 2, 'the dismissed line is not offered again');
    // A line a certain finding covers (here the site's chrome) is left to fix-all: no offer.
    const page = pathToFileURL(path.join(root, 'corpus', '2023', 'songhong-1.txt')).toString();
    const hotline = client.textOf(page).split('\n').indexOf('Đường dây nóng: 0900 000 001');
    await client.change(page, [{ range: { start: { line: hotline, character: 0 }, end: { line: hotline + 1, character: 0 } }, text: '' }]);
    assert.equal(messages.length, 2, 'no offer for a line already certain boilerplate');
    assert.equal(applied.length, 1, 'a dismissed offer applies nothing');
    const config = JSON.parse(fs.readFileSync(path.join(root, '.vn-corpus', 'config.json'), 'utf8')) as { boilerplate: { extraPhrases: string[] } };
    assert.deepEqual(config.boilerplate.extraPhrases, [SHARED]);
  });
});
