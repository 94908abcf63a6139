/** Types and custom messages shared by the client and the server; the client imports types only. */
export type { Settings } from './core/settings';

/** The settings section every key lives under. */
export const SETTINGS_SECTION = 'vnCorpus';

/** The code action kind of "Remove all boilerplate in this file". */
export const FIX_ALL_KIND = 'source.fixAll.vn-corpus';

/** Diagnostic `source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'vn-corpus';

/** Language id of articles. */
export const LANGUAGE_ID = 'vn-article';
