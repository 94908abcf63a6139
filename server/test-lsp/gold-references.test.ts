import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type LspClient } from './harness';
import { hoverMarkdown } from './results';
import { readSeed, REPO_ROOT, virtualUri } from './text';

interface GoldReference {
  readonly line: number;
  readonly character: number;
  readonly text: string;
  readonly length_utf16: number;
  readonly id: string;
}

const GOLD_DIR = path.join(REPO_ROOT, 'eval', 'gold');
const SEEDS = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

describe('every labelled reference of the seeds gets a hover naming what it resolves to', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.close());

  for (const seed of SEEDS) {
    it(seed, async () => {
      const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR, seed.replace(/\.txt$/u, '.json')), 'utf8')) as { references: GoldReference[] };
      const uri = virtualUri(seed);
      await client.open(uri, readSeed(seed));
      for (const ref of gold.references) {
        const middle = { line: ref.line, character: ref.character + Math.floor(ref.length_utf16 / 2) };
        const markdown = hoverMarkdown(await client.hover(uri, middle));
        assert.ok(markdown.includes(ref.id), `${seed}:${ref.line + 1} "${ref.text}" should name ${ref.id}; hover: ${markdown.slice(0, 200)}`);
        const year = /^\d+-[A-Z]+\/TW/u.test(ref.id) ? /· (\d{4})/u.exec(markdown)?.[1] : 'n/a';
        assert.ok(year, `${seed}:${ref.line + 1} "${ref.text}": the hover gives the year`);
      }
    });
  }
});
