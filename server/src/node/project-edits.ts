import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_DIR, readJson } from './workspace-files';

/** What a stub catalog entry starts from: the mention as written. */
export interface StubRequest {
  readonly symbol: string;
  readonly kind: string;
  readonly citedAs: string;
}

/**
 * Appends a stub entry to `.vn-corpus/catalog.json` (creating it) and returns the file and the stub's line.
 * The stub's title, description, gloss and source are left empty on purpose: the loader reports them until a person
 * fills them in from a source, so nothing unverified ever reaches a hover.
 */
export function addCatalogStub(root: string, stub: StubRequest): { file: string; line: number } {
  const file = path.join(root, PROJECT_DIR, 'catalog.json');
  // A missing or broken file starts over; a broken one was reported when it was loaded.
  const existing = readJson(file).value as { entries?: unknown } | undefined;
  const entries: unknown[] = Array.isArray(existing?.entries) ? existing.entries : [];
  const id = stub.symbol.normalize('NFC');
  if (!entries.some((e) => (e as { id?: unknown }).id === id)) {
    entries.push({ id, kind: stub.kind, symbol: id, number: /^\d+(?:\/\d{4})?/u.exec(id)?.[0] ?? '', date: '', issuer: '', title: '', description: '', gloss: '', citedAs: [stub.citedAs.normalize('NFC')], source: { url: '', title: '' } });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify({ entries }, null, 2)}\n`;
  fs.writeFileSync(file, text);
  const at = text.indexOf(`"id": ${JSON.stringify(id)}`);
  return { file, line: text.slice(0, Math.max(0, at)).split('\n').length - 1 };
}

/** Adds a line to `.vn-corpus/allow.json` so no rule flags it again, in any file; returns the file written. */
export function keepLine(root: string, line: string): string {
  const file = path.join(root, PROJECT_DIR, 'allow.json');
  // A missing or broken file starts over; a broken one was reported when it was loaded.
  const existing = readJson(file).value as { lines?: unknown } | undefined;
  const lines = Array.isArray(existing?.lines) ? existing.lines.filter((l): l is string => typeof l === 'string') : [];
  const text = line.normalize('NFC').trim();
  if (!lines.includes(text)) lines.push(text);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ lines }, null, 2)}\n`);
  return file;
}
