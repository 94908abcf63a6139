import * as path from 'node:path';
import { test } from 'node:test';
import { loadBuiltInCatalog } from './catalog-fixture';
import { checkFixture, fixtureFiles, FIXTURES_DIR } from './fixture-harness';

const { catalog } = loadBuiltInCatalog();

for (const file of fixtureFiles()) {
  test(`fixture ${path.relative(FIXTURES_DIR, file)}`, () => checkFixture(file, catalog));
}
