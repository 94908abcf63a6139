import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog, parseCatalog, type CatalogEntry, type CatalogProblem } from '../src/core/references/catalog';

/** The folder of the built-in catalogs in the source tree. */
export const CATALOG_DIR = path.join(__dirname, '..', '..', 'data', 'catalog');

/** Parses every built-in catalog file, keeping the problems for the validation test. */
export function loadBuiltInCatalog(): { catalog: Catalog; problems: CatalogProblem[]; entries: CatalogEntry[] } {
  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  for (const name of fs.readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(CATALOG_DIR, name);
    const parsed = parseCatalog(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file);
    entries.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  return { catalog: new Catalog(entries), problems, entries };
}
