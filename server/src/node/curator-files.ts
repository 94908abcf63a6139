import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_DIR, readJson } from './workspace-files';

/**
 * Adds a phrase to `boilerplate.extraPhrases` in `.vn-corpus/config.json` (creating the file), keeping every other
 * setting. Returns the file written, or why it was left alone (a file that cannot be parsed is never overwritten).
 */
export function addUserPhrase(root: string, phrase: string): { file: string } | { problem: string } {
  const file = path.join(root, PROJECT_DIR, 'config.json');
  const json = readJson(file);
  if (json.error) return { problem: `${file}: ${json.error}` };
  const config = json.value !== undefined && typeof json.value === 'object' && json.value !== null && !Array.isArray(json.value) ? (json.value as Record<string, unknown>) : {};
  const boilerplate = typeof config.boilerplate === 'object' && config.boilerplate !== null && !Array.isArray(config.boilerplate) ? (config.boilerplate as Record<string, unknown>) : {};
  const phrases = Array.isArray(boilerplate.extraPhrases) ? boilerplate.extraPhrases.filter((p): p is string => typeof p === 'string') : [];
  const text = phrase.normalize('NFC').trim();
  if (!phrases.includes(text)) phrases.push(text);
  const next = { ...config, boilerplate: { ...boilerplate, extraPhrases: phrases } };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  } catch (error) {
    return { problem: `${file}: cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return { file };
}

/** The line keys already offered as corpus-wide rules, kept per user next to the index cache. */
export function readOfferedLines(file: string | undefined): Set<string> {
  if (!file) return new Set();
  const value = readJson(file).value as { lines?: unknown } | undefined;
  return new Set(Array.isArray(value?.lines) ? value.lines.filter((l): l is string => typeof l === 'string') : []);
}

/** Saves the offered line keys; a file that cannot be written only means an offer may come again. */
export function writeOfferedLines(file: string | undefined, lines: ReadonlySet<string>): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ lines: [...lines] })}\n`);
  } catch {
    // Ignored on purpose: see above.
  }
}
