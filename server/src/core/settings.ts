import { CONFIG_SCHEMA } from './generated/config-schema';
import { validate as validateGenerated } from './generated/config-validator';
import { isRecord } from './rules/boilerplate/phrase-table';
import type { Severity } from './types';

/** The `vnCorpus.*` settings, also the shape of `.vn-corpus/config.json`. */
export interface Settings {
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, Severity>>;
  readonly boilerplate: {
    readonly extraPhrases: readonly string[];
    /** A line recurs when it is in at least `minFiles` files and `minShare` (0–1) of the corpus. */
    readonly recurrence: { readonly minFiles: number; readonly minShare: number };
  };
  /** Publish findings for open files only, or for every indexed corpus file. */
  readonly diagnostics: { readonly scope: 'open' | 'workspace' };
  readonly catalogs: readonly string[];
  readonly hover: { readonly englishGloss: boolean };
  /** Show the inferred full date after a bare day/month. */
  readonly inlayHints: { readonly dates: boolean };
  /** The years the corpus covers (`"2017"`, `"2016-2018"`), evidence for dates written without a year. */
  readonly meetings: { readonly period?: { readonly from: number; readonly to: number } };
}

/** Settings when nothing is configured. */
export const defaultSettings: Settings = {
  files: [], rules: {}, boilerplate: { extraPhrases: [], recurrence: { minFiles: 3, minShare: 0.01 } }, diagnostics: { scope: 'open' },
  catalogs: [], hover: { englishGloss: true }, inlayHints: { dates: true }, meetings: {},
};

/** A setting that was invalid and fell back to its default. */
export interface SettingProblem {
  readonly field: string;
  readonly message: string;
}

/** What the generated validator reports for one violation (ajv's error shape). */
interface SchemaError {
  readonly instancePath: string;
}

/** The validator compiled from `schemas/config.schema.json` at build time (`scripts/compile-schemas.mjs`). */
const validateConfig = validateGenerated as unknown as ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };

/**
 * Validates settings JSON against the settings schema; each invalid field (an array as a whole, one rule's
 * severity, one leaf value) falls back to its default and is reported with what the schema expects there.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  if (raw === undefined || raw === null) return { settings: defaultSettings, problems: [] };
  if (!isRecord(raw)) return { settings: defaultSettings, problems: [{ field: '', message: 'expected an object' }] };
  const fields = validateConfig(raw) ? [] : [...new Set((validateConfig.errors ?? []).map((e) => fieldOf(e.instancePath)))];
  const problems = fields.map((field) => ({ field, message: expectation(field) }));
  const bad = (field: string): boolean => fields.some((f) => f === field || field.startsWith(`${f}.`));
  const at = (field: string): unknown => field.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), raw);
  const value = <T>(field: string, fallback: T): T => {
    const v = at(field);
    return v === undefined || bad(field) ? fallback : (v as T);
  };
  const d = defaultSettings;
  const rules: Record<string, Severity> = {};
  for (const [id, severity] of Object.entries(value<Record<string, Severity>>('rules', {}))) if (!bad(`rules.${id}`)) rules[id] = severity;
  return {
    settings: {
      files: value('files', d.files),
      rules,
      boilerplate: {
        extraPhrases: value('boilerplate.extraPhrases', d.boilerplate.extraPhrases),
        recurrence: {
          minFiles: value('boilerplate.recurrence.minFiles', d.boilerplate.recurrence.minFiles),
          minShare: value('boilerplate.recurrence.minShare', d.boilerplate.recurrence.minShare),
        },
      },
      diagnostics: { scope: value('diagnostics.scope', d.diagnostics.scope) },
      catalogs: value('catalogs', d.catalogs),
      hover: { englishGloss: value('hover.englishGloss', d.hover.englishGloss) },
      inlayHints: { dates: value('inlayHints.dates', d.inlayHints.dates) },
      meetings: toPeriod(value('meetings.period', '')),
    },
    problems,
  };
}

/** The field a violation belongs to: its path without array indices (an array falls back as a whole), dotted. */
function fieldOf(instancePath: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/gu, '/').replace(/~0/gu, '~'));
  while (parts.length > 0 && /^\d+$/u.test(parts[parts.length - 1] ?? '')) parts.pop();
  return parts.join('.');
}

/** What the schema expects at a field, in words. */
function expectation(field: string): string {
  let node: unknown = CONFIG_SCHEMA;
  for (const key of field === '' ? [] : field.split('.')) {
    const props = isRecord(node) && isRecord(node.properties) ? node.properties : undefined;
    node = props && key in props ? props[key] : isRecord(node) ? node.additionalProperties : undefined;
  }
  if (!isRecord(node)) return 'not allowed here';
  if (Array.isArray(node.enum)) return `expected one of ${node.enum.join(', ')}`;
  if (node.type === 'array') return `expected an array of ${isRecord(node.items) ? String(node.items.type) : 'value'}s`;
  if (node.type === 'boolean') return 'expected true or false';
  if (node.type === 'string' && typeof node.pattern === 'string') return `expected a string of the form ${node.pattern}`;
  if (node.type === 'number') {
    const min = typeof node.minimum === 'number' ? node.minimum : undefined;
    const max = typeof node.maximum === 'number' ? node.maximum : undefined;
    return `expected a number${min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : ''}`;
  }
  return `expected ${node.type === 'object' ? 'an object' : `a ${String(node.type)}`}`;
}

/**
 * Layers editor settings over the project's `.vn-corpus/config.json`: rules merge (editor wins), lists add up,
 * and a single value comes from the editor only when it differs from the default (editors send every default).
 */
export function layerSettings(project: Settings, editor: Settings): Settings {
  const pick = <T>(p: T, e: T, d: T): T => (JSON.stringify(e) !== JSON.stringify(d) ? e : p);
  return {
    files: [...project.files, ...editor.files],
    rules: { ...project.rules, ...editor.rules },
    boilerplate: {
      extraPhrases: [...project.boilerplate.extraPhrases, ...editor.boilerplate.extraPhrases],
      recurrence: pick(project.boilerplate.recurrence, editor.boilerplate.recurrence, defaultSettings.boilerplate.recurrence),
    },
    diagnostics: pick(project.diagnostics, editor.diagnostics, defaultSettings.diagnostics),
    catalogs: [...project.catalogs, ...editor.catalogs],
    hover: pick(project.hover, editor.hover, defaultSettings.hover),
    inlayHints: pick(project.inlayHints, editor.inlayHints, defaultSettings.inlayHints),
    meetings: pick(project.meetings, editor.meetings, defaultSettings.meetings),
  };
}

/** `"2017"` or `"2016-2018"` (the schema checks the form) → the years; empty → no period. */
function toPeriod(value: string): Settings['meetings'] {
  const m = /^\s*((?:19|20)\d{2})\s*(?:[-–]\s*((?:19|20)\d{2}))?\s*$/u.exec(value);
  if (!m) return {};
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= to ? { period: { from, to } } : {};
}
