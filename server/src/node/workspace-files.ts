import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog, parseCatalog, parsePackIndex, type CatalogEntry, type CatalogProblem, type PackSource } from '../core/references/catalog';
import { defaultSettings, parseSettings, type Settings, type SettingProblem } from '../core/settings';
import { toLineKey } from '../core/text/article-text';

/** The folder holding a workspace's project files. */
export const PROJECT_DIR = '.vn-corpus';

/** A problem reading a project file, for the log or the CLI's stderr. */
export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

/** Reads `.vn-corpus/config.json` under a root; a missing file gives defaults, a broken one is reported. */
export function readProjectConfig(root: string | undefined): { settings: Settings; problems: FileProblem[] } {
  if (!root) return { settings: defaultSettings, problems: [] };
  const file = path.join(root, PROJECT_DIR, 'config.json');
  const json = readJson(file);
  if (json.missing) return { settings: defaultSettings, problems: [] };
  if (json.error) return { settings: defaultSettings, problems: [{ file, message: json.error }] };
  const parsed = parseSettings(json.value);
  return { settings: parsed.settings, problems: parsed.problems.map((p: SettingProblem) => ({ file, message: `${p.field}: ${p.message}` })) };
}

/** The folder of the built-in catalogs, next to the bundle or the compiled sources. */
export function builtInCatalogDir(): string {
  const candidates = [path.join(__dirname, '..', 'server', 'data', 'catalog'), path.join(__dirname, '..', '..', '..', 'data', 'catalog'), path.join(__dirname, '..', '..', 'data', 'catalog')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0] ?? '';
}

/** Loads the built-in catalogs, the workspace's `.vn-corpus/catalog.json` and the listed extra files. */
export function loadCatalog(root: string | undefined, extraFiles: readonly string[], useWorkspaceFiles: boolean): { catalog: Catalog; problems: FileProblem[] } {
  const dir = builtInCatalogDir();
  const files = safeList(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  if (useWorkspaceFiles) {
    if (root) files.push(path.join(root, PROJECT_DIR, 'catalog.json'));
    for (const extra of extraFiles) files.push(root && !path.isAbsolute(extra) ? path.join(root, extra) : extra);
  }
  const entries: CatalogEntry[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    const json = readJson(file);
    if (json.missing && file.endsWith(path.join(PROJECT_DIR, 'catalog.json'))) continue;
    if (json.error || json.missing) {
      problems.push({ file, message: json.error ?? 'file not found' });
      continue;
    }
    const parsed = parseCatalog(json.value, file);
    entries.push(...parsed.entries);
    problems.push(...parsed.problems.map((p: CatalogProblem) => ({ file, message: `${p.where}: ${p.message}` })));
  }
  const packs = builtInPacks(dir);
  problems.push(...packs.problems);
  return { catalog: new Catalog(entries, packs.source), problems };
}

/** Pack JSON read once per process, by path: a reload of settings does not read a pack again. */
const packCache = new Map<string, ReturnType<typeof readJson>>();

/**
 * The built-in packs (`packs/index.json` and the packs it names). Only the small index is read here;
 * a pack is read when a lookup first needs it.
 */
export function builtInPacks(dir: string): { source?: PackSource; problems: FileProblem[] } {
  const packDir = path.join(dir, 'packs');
  const indexFile = path.join(packDir, 'index.json');
  const json = readJson(indexFile);
  if (json.missing) return { problems: [] };
  if (json.error) return { problems: [{ file: indexFile, message: json.error }] };
  const parsed = parsePackIndex(json.value, indexFile);
  const read = (file: string): { value?: unknown; error?: string } => {
    const full = path.join(packDir, file);
    const cached = packCache.get(full) ?? readJson(full);
    packCache.set(full, cached);
    return cached.missing ? { error: 'file not found' } : cached;
  };
  return { source: { packs: parsed.packs, read, locate: (file) => path.join(packDir, file) }, problems: parsed.problems.map((p) => ({ file: indexFile, message: `${p.where}: ${p.message}` })) };
}

/** Reads the lines a user chose to keep, `.vn-corpus/allow.json` (`{ "lines": [...] }`). */
export function readAllowedLines(root: string | undefined): { lines: Set<string>; problems: FileProblem[] } {
  if (!root) return { lines: new Set(), problems: [] };
  const file = path.join(root, PROJECT_DIR, 'allow.json');
  const json = readJson(file);
  if (json.missing) return { lines: new Set(), problems: [] };
  const lines = json.value && typeof json.value === 'object' && Array.isArray((json.value as { lines?: unknown }).lines) ? (json.value as { lines: unknown[] }).lines : undefined;
  if (json.error || !lines) return { lines: new Set(), problems: [{ file, message: json.error ?? 'expected { "lines": [ ... ] }' }] };
  return { lines: new Set(lines.filter((l): l is string => typeof l === 'string').map(toLineKey)), problems: [] };
}

/** Reads a JSON file: its value, or that it is missing, or why it cannot be read or parsed. */
export function readJson(file: string): { value?: unknown; error?: string; missing?: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { error: `cannot read: ${code ?? String(error)}` };
  }
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown };
  } catch (error) {
    return { error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Where a catalog entry's `"id"` stands in its data file (line, UTF-16 character, length), or undefined when unreadable. */
export function catalogEntryPlace(entry: CatalogEntry): { file: string; line: number; character: number; length: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(entry.origin.file, 'utf8').normalize('NFC');
  } catch {
    return undefined;
  }
  // Hand-written catalogs put a space after the colon; the generated packs do not.
  const spaced = `"id": ${JSON.stringify(entry.id)}`;
  const needle = text.includes(spaced) ? spaced : `"id":${JSON.stringify(entry.id)}`;
  const at = Math.max(0, text.indexOf(needle));
  const before = text.slice(0, at);
  return { file: entry.origin.file, line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1), length: needle.length };
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
