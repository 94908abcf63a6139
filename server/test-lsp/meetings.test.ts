import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { InlayHintRequest, WorkspaceSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { flattenSymbols } from './results';
import { readSeed, REPO_ROOT } from './text';

interface GoldMeeting {
  readonly line: number;
  readonly kind: string;
  readonly date: string | null;
  readonly year?: number;
  readonly primary?: boolean;
  readonly organizer?: string | null;
  readonly chair?: string | null;
  readonly directed_by?: readonly string[] | null;
}

const GOLD_DIR = path.join(REPO_ROOT, 'eval', 'gold');
const SEEDS = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const nameOf = (s: string): string => (s.split(',')[0] ?? '').trim();

describe('meetings through the server: outline, inlay hints, workspace symbols, the Meetings request', () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-meetings-'));
    fs.mkdirSync(path.join(root, 'seeds'));
    for (const seed of SEEDS) fs.copyFileSync(path.join(REPO_ROOT, 'seeds', seed), path.join(root, 'seeds', seed));
    client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], settings: {} });
  });
  after(() => client.close());

  for (const seed of SEEDS) {
    it(`${seed}: every gold meeting is an Event with its date; the primary one has its organizer, chair or director`, async () => {
      const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR, seed.replace(/\.txt$/u, '.json')), 'utf8')) as { meetings: GoldMeeting[] };
      const uri = pathToFileURL(path.join(root, 'seeds', seed)).toString();
      await client.open(uri, readSeed(seed));
      const symbols = flattenSymbols(await client.documentSymbols(uri));
      const events = symbols.filter((s) => s.kind === 24);
      for (const meeting of gold.meetings) {
        const event = events.find((e) => e.selectionRange.start.line === meeting.line);
        assert.ok(event, `${seed}: no Event on line ${meeting.line + 1} (events on ${events.map((e) => e.selectionRange.start.line + 1).join(', ')})`);
        const when = meeting.date ?? String(meeting.year);
        assert.ok(event.detail?.startsWith(when), `${seed}:${meeting.line + 1} detail "${event.detail}" should start with ${when}`);
        if (meeting.primary) {
          const people = flattenSymbols((event.children ?? []) as DocumentSymbol[]).map((c) => c.name);
          const wanted = [meeting.organizer, meeting.chair, ...(meeting.directed_by ?? [])].filter((x): x is string => Boolean(x)).map(nameOf);
          assert.ok(wanted.some((w) => people.some((p) => p.includes(w))), `${seed}: none of ${wanted.join('; ')} among ${people.join('; ')}`);
        }
      }
    });
  }

  it('an inlay hint after "Chiều 22/12" gives 2020-12-22', async () => {
    const uri = pathToFileURL(path.join(root, 'seeds', '002_cc6c1fb2d5522765.txt')).toString();
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } } });
    assert.deepEqual((hints ?? []).map((h) => [h.position.line, h.label]), [[5, '→ 2020-12-22']]);
  });

  it('workspace symbols find meetings by month and people by name across the corpus', async () => {
    const byDate = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '2020-12' });
    const names = (byDate ?? []).map((s) => s.name);
    assert.ok(names.some((n) => n.startsWith('2020-12-17')) && names.some((n) => n.startsWith('2020-12-22')), names.join(' | '));
    const byPerson = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Lò Minh Hùng' });
    assert.ok((byPerson ?? []).some((s) => s.name.startsWith('Lò Minh Hùng') && s.location.uri.endsWith('003_9988729691b86d37.txt')));
  });

  it('the Meetings request lists the corpus meetings in date order', async () => {
    const meetings = await client.connection.sendRequest<{ when: string; province: string; uri: string }[]>('vnCorpus/meetings', {});
    const whens = meetings.map((m) => m.when);
    assert.deepEqual(whens, [...whens].sort((a, b) => (a || '9999').localeCompare(b || '9999')));
    assert.ok(meetings.some((m) => m.when === '2023-03-21' && m.province === 'Sơn La'));
    assert.ok(meetings.length >= 7);
  });
});
