/**
 * Client-side text helpers: positions, edits and seeds, written independently of the server's own
 * LineIndex so that a bug there cannot hide itself in the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Position, Range, TextDocumentContentChangeEvent, TextEdit } from 'vscode-languageserver-protocol/node';

/** The repository root, seen from `server/out/test-lsp/`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The text of a seed article, exactly as stored. */
export function readSeed(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'seeds', name), 'utf8');
}

let counter = 0;

/** A fresh in-memory document uri, unique within the test run. */
export function virtualUri(name: string): string {
  counter++;
  return `untitled:/vn-lsp-test/${counter}-${name}`;
}

/** The lines of a text split on `\n`, `\r\n` and `\r`, without their breaks. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** The UTF-16 offset of an LSP position; a character past the line end clamps to it. */
export function offsetAt(text: string, position: Position): number {
  let start = 0;
  for (let line = 0; line < position.line; line++) {
    const next = /\r\n|\r|\n/gu;
    next.lastIndex = start;
    const found = next.exec(text);
    if (!found) return text.length;
    start = found.index + found[0].length;
  }
  const rest = /\r\n|\r|\n/gu;
  rest.lastIndex = start;
  const end = rest.exec(text)?.index ?? text.length;
  return Math.min(start + position.character, end);
}

/** Applies LSP text edits, all of whose ranges refer to the original text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = text.length;
  for (const span of spans) {
    if (span.end > limit) throw new Error(`overlapping edits at offset ${span.start}`);
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
    limit = span.start;
  }
  return result;
}

/** Applies one `didChange` content change; changes in one notification apply in order. */
export function applyContentChange(text: string, change: TextDocumentContentChangeEvent): string {
  return 'range' in change ? applyTextEdits(text, [{ range: change.range, newText: change.text }]) : change.text;
}

/** The position of the first `needle` in a line, counted in UTF-16 code units. */
export function positionOf(text: string, line: number, needle: string): Position {
  const lineText = linesOf(text)[line];
  const character = lineText?.indexOf(needle) ?? -1;
  if (character < 0) throw new Error(`"${needle}" not found in line ${line}`);
  return { line, character };
}

/** Whether a range starts no later than it ends and lies inside the text. */
export function isInside(text: string, range: Range): boolean {
  const lines = linesOf(text);
  const fits = (p: Position): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line]?.length ?? -1);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return fits(range.start) && fits(range.end) && ordered;
}

/** Every catalog file that holds an entry with this id. */
export function catalogFilesWithId(id: string): string[] {
  const dir = path.join(REPO_ROOT, 'server', 'data', 'catalog');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)).filter((file) => {
    const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/u, ''));
    const entries = typeof json === 'object' && json !== null && 'entries' in json && Array.isArray(json.entries) ? (json.entries as unknown[]) : [];
    return entries.some((e) => typeof e === 'object' && e !== null && 'id' in e && e.id === id);
  });
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in the text, so tests aim at content, not line numbers. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs ${i} times, not ${occurrence + 1}`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** The range of whole line(s) holding `needle`, including the line break after it: what deleting the line removes. */
export function wholeLineOf(text: string, needle: string): Range {
  const { start, end } = rangeOf(text, needle);
  return { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } };
}

/** The LSP position of a UTF-16 offset, counting `\n`, `\r\n` and `\r` as line breaks. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  const breaks = /\r\n|\r|\n/gu;
  for (let m = breaks.exec(text); m && m.index < offset; m = breaks.exec(text)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, character: offset - lineStart };
}
