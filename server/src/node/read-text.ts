import * as fs from 'node:fs';

/** A file's text, or the reason it cannot be analysed as text. */
export type ReadResult = { readonly text: string } | { readonly problem: string };

/** Files above this size are refused rather than risk the process's memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file as UTF-8, refusing binary content and invalid UTF-8 with a clear reason. A caller that has just
 * read the file's stats passes its size, so the file is not looked up twice.
 */
export function readText(file: string | URL, knownSize?: number): ReadResult {
  let bytes: Buffer;
  try {
    const size = knownSize ?? fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return { problem: `file is ${Math.round(size / 1048576)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { problem: 'binary file (contains NUL bytes)' };
  const text = bytes.toString('utf8');
  // Invalid bytes decode to U+FFFD; only then is the slower strict decoder needed to tell them from a real U+FFFD.
  if (text.includes('\uFFFD')) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { problem: 'not valid UTF-8' };
    }
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** What tells whether a file changed (modification time and size), or undefined when it cannot be read. */
export function fileStamp(file: string): string | undefined {
  try {
    return stampOf(fs.statSync(file));
  } catch {
    return undefined;
  }
}

/** The stamp of a file's stats, as `fileStamp` gives it. */
export function stampOf(stat: fs.Stats): string {
  return `${stat.mtimeMs}:${stat.size}`;
}
