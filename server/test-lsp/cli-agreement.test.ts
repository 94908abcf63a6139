import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkDoneProgressCreateRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';

interface ProgressParams {
  readonly token: string | number;
  readonly value: unknown;
}
import { run } from '../src/cli/main';
import { EVENT_TIMEOUT_MS, startServer, type LspClient } from './harness';

/** Findings that need the corpus: lines recurring across files, and the chrome of a site learned from its pages. */
const CORPUS_RULES = new Set(['boilerplate/recurring-line', 'boilerplate/site-chrome']);

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const DEVSET = path.join(__dirname, '..', '..', '..', '..', 'shared', 'devset', 'pages');

/** Pages of one made-up site: its chrome (menu, footer, counters) around each article, in a folder outside seeds/ and corpus/. */
function siteA(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const topics = ['giao thông nông thôn', 'chuyển đổi số', 'bảo vệ rừng đầu nguồn', 'xây dựng nông thôn mới', 'phòng chống thiên tai', 'giáo dục vùng cao'];
  topics.forEach((topic, i) => {
    fs.writeFileSync(path.join(dir, `page-${i + 1}.txt`), [
      'Trang chủ', 'Thời sự', 'Kinh tế', 'Văn hóa', 'Liên hệ',
      `Huyện đẩy mạnh ${topic} trong năm ${2018 + i}`,
      `Lượt xem: ${120 + i * 7}`,
      `Sáng ${i + 3}/5, Ủy ban nhân dân huyện tổ chức hội nghị bàn về ${topic}, với sự tham gia của đại diện các xã và các phòng ban chuyên môn.`,
      `Theo báo cáo, công tác ${topic} đã đạt nhiều kết quả, song vẫn còn những khó khăn cần được tháo gỡ trong thời gian tới.`,
      'Chia sẻ bài viết',
      'Cổng thông tin điện tử huyện Mường Tè',
      'Bản quyền thuộc về Ủy ban nhân dân huyện',
      '',
    ].join('\n'));
  });
  fs.mkdirSync(path.join(dir, '..', '..', 'notes'), { recursive: true });
  fs.writeFileSync(path.join(dir, '..', '..', 'notes', 'todo.txt'), 'Trang chủ\nLiên hệ\n');
}

/** Each file's findings as the CLI prints them in JSON, one comparable line per finding. */
async function cliLines(dir: string): Promise<Map<string, string[]>> {
  let out = '';
  const code = await run(['lint', dir, '--format', 'json', '--lang', 'en'], { out: (t) => { out += t; }, err: () => undefined, isTTY: false });
  assert.ok(code === 0 || code === 1, `lint exited ${code}`);
  const files = JSON.parse(out) as { uri: string; findings: { ruleId: string; severity: string; message: string; range: Diagnostic['range'] }[] }[];
  return new Map(files.map((f) => [f.uri, f.findings.map((x) => line(x.range, x.ruleId, x.severity, x.message)).sort()]));
}

function serverLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => line(d.range, String(d.code), SEVERITY[d.severity ?? 0] ?? '', typeof d.message === 'string' ? d.message : d.message.value)).sort();
}

function line(r: Diagnostic['range'], ruleId: string, severity: string, message: string): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${ruleId} ${severity} ${message}`;
}

/**
 * Opens one page of the folder as an article with workspace-wide diagnostics, and waits until the server has published
 * every page of the folder; returns the last publication of each (or what differs when they never agree).
 */
async function serverAgrees(client: LspClient, expected: Map<string, string[]>): Promise<{ differing: string[]; recurring: number }> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS * 2;
  const differing = (): string[] => [...expected].filter(([uri, lines]) => {
    const got = client.latestDiagnostics(uri);
    return !got || JSON.stringify(serverLines(got.diagnostics)) !== JSON.stringify(lines);
  }).map(([uri, lines]) => `${uri}\n  cli:    ${lines.join('\n          ')}\n  server: ${serverLines(client.latestDiagnostics(uri)?.diagnostics ?? []).join('\n          ')}`);
  while (differing().length > 0 && Date.now() < deadline) await client.nextPublish(Math.max(1, deadline - Date.now())).catch(() => undefined);
  const recurring = [...expected.keys()].reduce((n, uri) => n + (client.latestDiagnostics(uri)?.diagnostics.filter((d) => CORPUS_RULES.has(String(d.code))).length ?? 0), 0);
  return { differing: differing(), recurring };
}

async function startIn(root: string, progress: ProgressParams[]): Promise<LspClient> {
  const client = await startServer({
    locale: 'en',
    workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    settings: { diagnostics: { scope: 'workspace' } },
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true } },
    },
  });
  client.connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
  client.connection.onNotification('$/progress', (p: ProgressParams) => void progress.push(p));
  return client;
}

describe('the CLI and the server give the same findings for the same files outside seeds/ and corpus/', () => {
  let client: LspClient;
  let root: string;
  const progress: ProgressParams[] = [];
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-agree-'));
    siteA(path.join(root, 'crawl', 'site-a'));
    client = await startIn(root, progress);
  });
  after(() => client.close());

  it('opening one page as an article indexes its folder, with progress, and every page agrees line for line', async () => {
    const dir = path.join(root, 'crawl', 'site-a');
    const expected = await cliLines(dir);
    assert.equal(expected.size, 6);
    const cliRecurring = [...expected.values()].flat().filter((l) => [...CORPUS_RULES].some((id) => l.includes(id))).length;
    assert.ok(cliRecurring > 0, 'the pages share chrome lines the CLI counts as recurring');
    const first = path.join(dir, 'page-1.txt');
    await client.open(pathToFileURL(first).toString(), fs.readFileSync(first, 'utf8'));
    const { differing, recurring } = await serverAgrees(client, expected);
    assert.deepEqual(differing, []);
    assert.equal(recurring, cliRecurring);
    const kinds = progress.map((p) => (p.value as { kind?: string }).kind);
    assert.ok(kinds.includes('begin') && kinds.includes('end'), `indexing reported progress (got ${kinds.join(', ')})`);
    assert.ok(client.latestDiagnostics(pathToFileURL(path.join(root, 'notes', 'todo.txt')).toString()) === undefined, 'a folder with no article open stays out');
  });

  it('two more folders opened at once both join the index, and every page of the three agrees with the CLI over them', async () => {
    const folders = ['site-c', 'site-d'].map((name) => path.join(root, 'crawl', name));
    for (const dir of folders) siteA(dir);
    const expected = await cliLines(path.join(root, 'crawl'));
    assert.equal(expected.size, 18);
    await Promise.all(folders.map((dir) => client.open(pathToFileURL(path.join(dir, 'page-2.txt')).toString(), fs.readFileSync(path.join(dir, 'page-2.txt'), 'utf8'))));
    const { differing } = await serverAgrees(client, expected);
    assert.deepEqual(differing, []);
  });
});

describe('the same agreement on real pages of other sites (../shared/devset), one folder per site', () => {
  const pages = fs.existsSync(DEVSET) ? fs.readdirSync(DEVSET).filter((f) => /^[a-z]+-\d+\.txt$/u.test(f)) : [];
  if (pages.length === 0) {
    it('agreement on the dev-set pages', { skip: `no ../shared/devset/pages at ${DEVSET}` }, () => undefined);
    return;
  }
  const sites = [...new Set(pages.map((p) => p.replace(/-\d+\.txt$/u, '')))].sort();
  let client: LspClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-agree-real-'));
    for (const page of pages) {
      const dir = path.join(root, 'crawl', page.replace(/-\d+\.txt$/u, ''));
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(DEVSET, page), path.join(dir, page));
    }
    client = await startIn(root, []);
  });
  after(() => client.close());

  it(`opening one page of each site (${sites.join(', ')}) indexes their folders, and all ${pages.length} pages agree with the CLI over those folders`, async () => {
    // The server's corpus is every folder an article was opened from, so the CLI is given the same folders.
    const expected = await cliLines(path.join(root, 'crawl'));
    assert.equal(expected.size, pages.length);
    for (const site of sites) {
      const first = [...expected.keys()].find((uri) => uri.includes(`/crawl/${site}/`)) ?? '';
      await client.open(first, fs.readFileSync(new URL(first), 'utf8'));
    }
    const { differing, recurring } = await serverAgrees(client, expected);
    assert.deepEqual(differing, []);
    assert.ok(recurring > 0, 'pages of one site share chrome lines');
  });
});
