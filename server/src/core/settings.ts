import { isRecord } from './rules/boilerplate/phrase-table';
import type { Severity } from './types';

/** The `vnCorpus.*` settings, also the shape of `.vn-corpus/config.json`. */
export interface Settings {
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, Severity>>;
  readonly boilerplate: { readonly extraPhrases: readonly string[] };
  readonly catalogs: readonly string[];
  readonly hover: { readonly englishGloss: boolean };
}

/** Settings when nothing is configured. */
export const defaultSettings: Settings = {
  files: [], rules: {}, boilerplate: { extraPhrases: [] }, catalogs: [], hover: { englishGloss: true },
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
  if (hover.englishGloss !== undefined && typeof hover.englishGloss !== 'boolean') problems.push({ field: 'hover.englishGloss', message: 'expected true or false' });
  return {
    settings: {
      files: strings(raw.files, 'files'),
      rules,
      boilerplate: { extraPhrases: strings(boilerplate.extraPhrases, 'boilerplate.extraPhrases') },
      catalogs: strings(raw.catalogs, 'catalogs'),
      hover: { englishGloss: typeof hover.englishGloss === 'boolean' ? hover.englishGloss : true },
    },
    problems,
  };
}

/** Layers editor settings over the project's `.vn-corpus/config.json`: rules merge (editor wins), lists add up. */
export function layerSettings(project: Settings, editor: Settings): Settings {
  return {
    files: [...project.files, ...editor.files],
    rules: { ...project.rules, ...editor.rules },
    boilerplate: { extraPhrases: [...project.boilerplate.extraPhrases, ...editor.boilerplate.extraPhrases] },
    catalogs: [...project.catalogs, ...editor.catalogs],
    hover: editor.hover,
  };
}
