import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, type LspClient } from './harness';
import { firstLocation } from './results';
import { catalogFilesWithId, linesOf, positionOf, readSeed, virtualUri } from './text';

const SEED = readSeed('002_cc6c1fb2d5522765.txt');

describe('definition', () => {
  let client: LspClient;
  const uri = virtualUri('002.txt');
  before(async () => {
    client = await startServer();
    await client.open(uri, SEED);
  });
  after(() => client.close());

  it('goes from "Chỉ thị 05" to the line of "05-CT/TW" in its catalog file', async () => {
    const [file, ...others] = catalogFilesWithId('05-CT/TW');
    assert.ok(file, 'no catalog file under server/data/catalog has an entry with id "05-CT/TW"');
    assert.equal(others.length, 0, 'the id is in one file only');
    const location = firstLocation(await client.definition(uri, positionOf(SEED, 11, 'Chỉ thị 05')));
    assert.ok(location, 'a location');
    assert.ok(location.uri.endsWith(`/server/data/catalog/${path.basename(file)}`), location.uri);
    const target = linesOf(fs.readFileSync(fileURLToPath(location.uri), 'utf8'))[location.range.start.line] ?? '';
    assert.match(target, /"id": "05-CT\/TW"/u);
  });

  it('is null on a plain word', async () => {
    assert.equal(firstLocation(await client.definition(uri, positionOf(SEED, 11, 'hệ thống'))), undefined);
  });
});
