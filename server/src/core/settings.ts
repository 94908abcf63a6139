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

const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Validates settings JSON field by field; an invalid field falls back to its default and is reported. */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  if (raw === undefined || raw === null) return { settings: defaultSettings, problems };
  if (!isRecord(raw)) return { settings: defaultSettings, problems: [{ field: '', message: 'expected an object' }] };
  const strings = (value: unknown, field: string): string[] => {
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value as string[];
    problems.push({ field, message: 'expected an array of strings' });
    return [];
  };
  const rules: Record<string, Severity> = {};
  if (raw.rules !== undefined && !isRecord(raw.rules)) problems.push({ field: 'rules', message: 'expected an object of rule id → severity' });
  for (const [id, value] of Object.entries(isRecord(raw.rules) ? raw.rules : {})) {
    if (SEVERITIES.includes(value as Severity)) rules[id] = value as Severity;
    else problems.push({ field: `rules.${id}`, message: `expected one of ${SEVERITIES.join(', ')}` });
  }
  const boilerplate = isRecord(raw.boilerplate) ? raw.boilerplate : {};
  const hover = isRecord(raw.hover) ? raw.hover : {};
  const recurrence = isRecord(boilerplate.recurrence) ? boilerplate.recurrence : {};
  const number = (value: unknown, field: string, min: number, max: number, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    problems.push({ field, message: `expected a number from ${min} to ${max}` });
    return fallback;
  };
  const diagnostics = isRecord(raw.diagnostics) ? raw.diagnostics : {};
  const meetings = isRecord(raw.meetings) ? raw.meetings : {};
  const period = parsePeriod(meetings.period);
  if (period === null) problems.push({ field: 'meetings.period', message: 'expected a year ("2017") or a range of years ("2016-2018")' });
  const inlayHints = isRecord(raw.inlayHints) ? raw.inlayHints : {};
  if (inlayHints.dates !== undefined && typeof inlayHints.dates !== 'boolean') problems.push({ field: 'inlayHints.dates', message: 'expected true or false' });
  if (diagnostics.scope !== undefined && diagnostics.scope !== 'open' && diagnostics.scope !== 'workspace') problems.push({ field: 'diagnostics.scope', message: 'expected "open" or "workspace"' });
  if (hover.englishGloss !== undefined && typeof hover.englishGloss !== 'boolean') problems.push({ field: 'hover.englishGloss', message: 'expected true or false' });
  return {
    settings: {
      files: strings(raw.files, 'files'),
      rules,
      boilerplate: {
        extraPhrases: strings(boilerplate.extraPhrases, 'boilerplate.extraPhrases'),
        recurrence: {
          minFiles: number(recurrence.minFiles, 'boilerplate.recurrence.minFiles', 2, 1_000_000, defaultSettings.boilerplate.recurrence.minFiles),
          minShare: number(recurrence.minShare, 'boilerplate.recurrence.minShare', 0, 1, defaultSettings.boilerplate.recurrence.minShare),
        },
      },
      diagnostics: { scope: diagnostics.scope === 'workspace' ? 'workspace' : 'open' },
      catalogs: strings(raw.catalogs, 'catalogs'),
      hover: { englishGloss: typeof hover.englishGloss === 'boolean' ? hover.englishGloss : true },
      inlayHints: { dates: typeof inlayHints.dates === 'boolean' ? inlayHints.dates : true },
      meetings: period ? { period } : {},
    },
    problems,
  };
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

/** `"2017"` or `"2016-2018"` → years; undefined when absent, null when malformed. */
function parsePeriod(value: unknown): { from: number; to: number } | undefined | null {
  if (value === undefined || value === '') return undefined;
  const m = typeof value === 'string' ? /^\s*((?:19|20)\d{2})\s*(?:[-–]\s*((?:19|20)\d{2}))?\s*$/u.exec(value) : null;
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= to ? { from, to } : null;
}
