/**
 * `vn-corpus clean` against the editor: for every seed, the cleaned text is what the server's fix-all code action
 * leaves, every diagnostic the server publishes is a finding of the JSON line (same rule id, range, severity and
 * message), and every meeting in the outline is a meeting of `meta`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { editsFor, flattenSymbols, toActions } from './results';
import { applyTextEdits, offsetAt, readSeed, REPO_ROOT, virtualUri } from './text';

const SEEDS = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const SEVERITY: Readonly<Record<string, number>> = { error: 1, warning: 2, info: 3, hint: 4 };
const EVENT = 24;

interface Finding { rule: string; severity: string; start: number; end: number; message: string }
interface Meeting { title: string; kind: string; span: { start: number; end: number } }
interface OutRecord { id: string; text: string; findings: Finding[]; meta: { meetings: Meeting[] } }

/** Runs the bundled CLI on the seeds as JSON Lines on standard input, from a folder without project settings. */
function cleanSeeds(): Map<string, OutRecord> {
  const input = SEEDS.map((f) => JSON.stringify({ id: f, text: readSeed(f) })).join('\n');
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'clean', '-'], { input, cwd: path.join(REPO_ROOT, 'seeds'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 1, run.stderr);
  const records = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as OutRecord);
  assert.deepEqual(records.map((r) => r.id), SEEDS);
  return new Map(records.map((r) => [r.id, r]));
}

const key = (rule: string, start: number, end: number, severity: number, message: string): string => JSON.stringify([start, end, rule, severity, message]);

describe('vn-corpus clean shows what the editor shows', () => {
  let client: LspClient;
  let cleaned: Map<string, OutRecord>;
  before(async () => {
    client = await startServer();
    cleaned = cleanSeeds();
  });
  after(() => client.close());

  for (const seed of SEEDS) {
    it(`${seed}: text equals the fix-all code action's result, findings equal the diagnostics, meetings the outline`, async () => {
      const text = readSeed(seed);
      const uri = virtualUri(seed);
      const diagnostics: Diagnostic[] = await client.open(uri, text);
      const record = cleaned.get(seed);
      assert.ok(record);
      const actions = toActions(await client.codeActions(uri, WHOLE_FILE, { diagnostics: [], only: ['source.fixAll.vn-corpus'] }));
      const fixed = actions[0] ? applyTextEdits(text, editsFor(actions[0] as CodeAction, uri)) : text;
      assert.equal(record.text, fixed);
      const fromEditor = diagnostics.map((d) => key(String(d.code), offsetAt(text, d.range.start), offsetAt(text, d.range.end), d.severity ?? 0, typeof d.message === 'string' ? d.message : d.message.value)).sort();
      const fromJsonl = record.findings.map((f) => key(f.rule, f.start, f.end, SEVERITY[f.severity] ?? -1, f.message)).sort();
      assert.ok(fromEditor.length > 0, 'every seed has diagnostics');
      assert.deepEqual(fromJsonl, fromEditor);
      const events = flattenSymbols(await client.documentSymbols(uri)).filter((s) => s.kind === EVENT);
      const outline = events.map((s) => JSON.stringify([s.name, offsetAt(text, s.selectionRange.start), offsetAt(text, s.selectionRange.end)])).sort();
      const meetings = record.meta.meetings.map((m) => JSON.stringify([m.title || m.kind, m.span.start, m.span.end])).sort();
      assert.deepEqual(meetings, outline);
    });
  }
});
