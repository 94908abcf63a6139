import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { readLines } from '../node/jsonl';
import { readText } from '../node/read-text';
import { collectFiles, UsageError } from '../node/walk';

/** Where records come from: standard input, a JSON Lines file, or an article `.txt` (one record). */
export type Source =
  | { readonly kind: 'stdin' }
  | { readonly kind: 'jsonl'; readonly file: string }
  | { readonly kind: 'txt'; readonly file: string; readonly id: string; readonly rel: string };

/** A record ready to clean: its fields as given, its id and its text. */
export interface GoodRecord {
  readonly ok: true;
  readonly where: string;
  readonly id: string;
  readonly text: string;
  /** The input's own fields (JSON Lines), kept in their order; empty for a `.txt` file. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Relative path for `--output-dir`, for `.txt` input. */
  readonly rel?: string;
}

/** A record that cannot be cleaned, with the line as read so it can pass through unchanged. */
export interface BadRecord {
  readonly ok: false;
  readonly where: string;
  readonly problem: string;
  readonly raw?: Buffer;
  readonly id?: string;
}

const JSONL = /\.(?:jsonl|ndjson)$/iu;

/** Expands the command line's inputs: `-` is standard input, `*.jsonl`/`*.ndjson` are records, the rest articles. */
export async function toSources(inputs: readonly string[]): Promise<Source[]> {
  if (inputs.includes('-') && inputs.length > 1) throw new UsageError('"-" (standard input) cannot be combined with files');
  if (inputs[0] === '-') return [{ kind: 'stdin' }];
  const sources: Source[] = [];
  for (const input of inputs) {
    if (JSONL.test(input) && isFile(input)) {
      sources.push({ kind: 'jsonl', file: path.resolve(input) });
      continue;
    }
    const root = isDirectory(input) ? path.resolve(input) : path.dirname(path.resolve(input));
    for (const file of await collectFiles([input])) {
      sources.push({ kind: 'txt', file, id: path.relative(process.cwd(), file).split(path.sep).join('/'), rel: path.relative(root, file) });
    }
  }
  return sources;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every record of the sources in order, read one at a time. */
export async function* readRecords(sources: readonly Source[], stdin: Readable): AsyncGenerator<GoodRecord | BadRecord> {
  for (const source of sources) {
    if (source.kind === 'txt') {
      const read = readText(source.file);
      yield 'text' in read
        ? { ok: true, where: source.id, id: source.id, text: read.text, fields: {}, rel: source.rel }
        : { ok: false, where: source.id, problem: read.problem, id: source.id };
      continue;
    }
    const name = source.kind === 'stdin' ? 'stdin' : path.relative(process.cwd(), source.file);
    const stream = source.kind === 'stdin' ? stdin : fs.createReadStream(source.file);
    try {
      for await (const line of readLines(stream)) {
        const where = `${name}:${line.lineNo}`;
        if ('tooLong' in line) {
          yield { ok: false, where, problem: `line is ${Math.ceil(line.tooLong / 1048576)} MB, above the limit` };
          continue;
        }
        const bytes = line.lineNo === 1 && line.bytes[0] === 0xef && line.bytes[1] === 0xbb && line.bytes[2] === 0xbf ? line.bytes.subarray(3) : line.bytes;
        if (bytes.length === 0 || /^\s*$/u.test(bytes.toString('latin1'))) continue;
        yield parseRecord(bytes, where);
      }
    } catch (error) {
      yield { ok: false, where: name, problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one JSON Lines record: an object with an `id` (string or number) and a `text` string. */
export function parseRecord(bytes: Buffer, where: string): GoodRecord | BadRecord {
  const bad = (problem: string, id?: string): BadRecord => ({ ok: false, where, problem, raw: bytes, ...(id !== undefined ? { id } : {}) });
  let line: string;
  try {
    line = STRICT_UTF8.decode(bytes);
  } catch {
    return bad('not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return bad('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('not a JSON object');
  const fields = value as Record<string, unknown>;
  const id = fields.id;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return bad('no "id" (a string or a number)');
  const text = fields.text;
  if (typeof text !== 'string') return bad('no "text" string', String(id));
  if (text.includes('\u0000')) return bad('binary text (contains NUL)', String(id));
  if (/\p{Cs}/u.test(text)) return bad('text holds unpaired surrogates', String(id));
  return { ok: true, where, id: String(id), text, fields };
}
