import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Position } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './harness';
import { isInside, readSeed } from './text';

const SEEDS = ['000_2170a959384b290a.txt', '002_cc6c1fb2d5522765.txt', '003_9988729691b86d37.txt'].map(readSeed);
const FRAGMENTS = [
  'Lượt xem: 270\n', 'Tin liên quan\n', 'Chỉ thị 05 của Bộ Chính trị', 'Ngày 17/12, Ban Tuyên giáo tổ chức hội nghị tổng kết năm 2020.',
  'Nghị quyết Trung ương 4 (khóa XII)'.normalize('NFD'), 'Đăng nhập\r\n', '😀🇻🇳', '\r\n', '\r', '\u00a0\n', '(Ảnh: TTXVN)', ' ',
];

/** The LSP position of a UTF-16 offset, counting \r\n, \r and \n as line breaks like the server. */
function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n' && i + 1 < offset) continue;
    if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 40 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }), fc.constantFrom(...SEEDS.map((s) => s.slice(0, 300)))),
});

describe('random edit sequences through the server (fast-check)', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.close());

  it('never crash it, keep every range inside the document, and end where a fresh open of the final text ends', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 8 }), async (seedIndex, crlf, edits) => {
        run++;
        const uri = `untitled:/property/${run}.txt`;
        let text = SEEDS[seedIndex] ?? '';
        if (crlf) text = text.replace(/\n/gu, '\r\n');
        let diagnostics = await client.open(uri, text);
        for (const e of edits) {
          const current = client.textOf(uri);
          const start = Math.floor(e.at * current.length);
          const end = Math.min(current.length, start + e.length);
          diagnostics = await client.change(uri, [{ range: { start: positionAt(current, start), end: positionAt(current, end) }, text: e.insert }]);
          const now = client.textOf(uri);
          for (const d of diagnostics) assert.ok(isInside(now, d.range), `range ${JSON.stringify(d.range)} outside the document`);
        }
        assert.ok(client.isAlive(), 'the server is still running');
        const fresh = await client.open(`${uri}.fresh`, client.textOf(uri));
        const key = (ds: typeof diagnostics): string[] => ds.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort();
        assert.deepEqual(key(diagnostics), key(fresh));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40), seed: Number(process.env.FC_SEED ?? 20261122) },
    );
  });
});
