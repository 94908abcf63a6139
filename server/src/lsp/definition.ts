import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { CatalogEntry } from '../core/references/catalog';

/** The location of a catalog entry: the line of its `"id"` in the data file. */
export function toCatalogLocation(entry: CatalogEntry): Location | null {
  let text: string;
  try {
    text = fs.readFileSync(entry.origin.file, 'utf8');
  } catch {
    return null;
  }
  const needle = `"id": ${JSON.stringify(entry.id)}`;
  const at = Math.max(0, text.normalize('NFC').indexOf(needle));
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  const position = { line, character };
  return { uri: pathToFileURL(entry.origin.file).toString(), range: { start: position, end: { line, character: character + needle.length } } };
}
