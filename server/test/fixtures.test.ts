import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadBuiltInCatalog } from './catalog-fixture';
import { checkFixture } from './fixture-harness';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');
const { catalog } = loadBuiltInCatalog();

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.endsWith('.corpus') ? [] : fixtureFiles(full);
    return e.name.endsWith('.txt') && !e.name.endsWith('.fixed.txt') ? [full] : [];
  });
}

for (const file of fixtureFiles(FIXTURES)) {
  test(`fixture ${path.relative(FIXTURES, file)}`, () => checkFixture(file, catalog));
}
