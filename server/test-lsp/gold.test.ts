import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { editsFor, toActions } from './results';
import { applyTextEdits, linesOf, readSeed, REPO_ROOT, virtualUri } from './text';

interface Gold {
  readonly boilerplate_lines: readonly number[];
  readonly body_lines: readonly number[];
  readonly line_notes: Readonly<Record<string, { readonly ambiguous?: string }>>;
}

const GOLD_DIR = path.join(REPO_ROOT, 'eval', 'gold');
const SEEDS = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** True when a diagnostic covers the whole of a line. */
function coversLine(d: Diagnostic, line: number, lines: readonly string[]): boolean {
  const startsBefore = d.range.start.line < line || (d.range.start.line === line && d.range.start.character === 0);
  const endsAfter = d.range.end.line > line || (d.range.end.line === line && d.range.end.character >= (lines[line] ?? '').length);
  return startsBefore && endsAfter;
}

describe('boilerplate against the hand labels of every seed, through the server', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.close());

  for (const seed of SEEDS) {
    it(`${seed}: gold boilerplate flagged whole, no gold body line flagged, fix-all leaves exactly the body`, async () => {
      const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR, seed.replace(/\.txt$/u, '.json')), 'utf8')) as Gold;
      const ambiguous = new Set(Object.entries(gold.line_notes).filter(([, n]) => n.ambiguous).map(([l]) => Number(l)));
      const text = readSeed(seed);
      const lines = linesOf(text);
      const uri = virtualUri(seed);
      const diagnostics = (await client.open(uri, text)).filter((d) => String(d.code).startsWith('boilerplate/'));
      for (const line of gold.boilerplate_lines) {
        if (ambiguous.has(line)) continue;
        assert.ok(diagnostics.some((d) => coversLine(d, line, lines)), `${seed}:${line + 1} ${JSON.stringify(lines[line])} is not flagged`);
      }
      for (const line of gold.body_lines) {
        const wrong = diagnostics.filter((d) => coversLine(d, line, lines));
        assert.deepEqual(wrong.map((d) => d.code), [], `${seed}:${line + 1} ${JSON.stringify(lines[line])} is article text`);
      }
      const actions = toActions(await client.codeActions(uri, WHOLE_FILE, { diagnostics: [], only: ['source.fixAll.vn-corpus'] }));
      const fixed = actions[0] ? applyTextEdits(text, editsFor(actions[0] as CodeAction, uri)) : text;
      const ambiguousText = new Set([...ambiguous].map((l) => lines[l]));
      const kept = linesOf(fixed).filter((l) => l.trim() !== '' && !ambiguousText.has(l));
      const body = gold.body_lines.map((l) => lines[l] ?? '').filter((l) => l.trim() !== '' && !ambiguousText.has(l));
      assert.deepEqual(kept, body);
    });
  }
});
