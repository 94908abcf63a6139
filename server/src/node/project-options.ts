import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisOptions } from '../core/analyze';
import type { Locale } from '../core/types';
import { loadCatalog, readAllowedLines, readProjectConfig, PROJECT_DIR } from './workspace-files';

/** A problem with a project file: which file, and what is wrong. */
export interface ProjectProblem {
  readonly file: string;
  readonly message: string;
}

/** The folder holding `.vn-corpus/`: `start` or its nearest parent that has one, else `start`. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, PROJECT_DIR))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** The analysis options from a project's `.vn-corpus/` files, and the problems met reading them (defaults used). */
export function projectOptions(root: string, locale: Locale): { options: AnalysisOptions; problems: ProjectProblem[] } {
  const config = readProjectConfig(root);
  const catalog = loadCatalog(root, config.settings.catalogs, true);
  const allowed = readAllowedLines(root);
  return {
    problems: [...config.problems, ...catalog.problems, ...allowed.problems],
    options: {
      locale,
      severities: config.settings.rules,
      extraPhrases: config.settings.boilerplate.extraPhrases,
      allowedLines: allowed.lines,
      catalog: catalog.catalog,
      recurrenceThreshold: config.settings.boilerplate.recurrence,
      ...(config.settings.meetings.period ? { years: { period: config.settings.meetings.period } } : {}),
    },
  };
}
