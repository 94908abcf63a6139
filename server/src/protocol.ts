/** Types and custom messages shared by the client and the server; the client imports types only. */
export type { Settings } from './core/settings';

/** The settings section every key lives under. */
export const SETTINGS_SECTION = 'vnCorpus';

/** The code action kind of "Remove all boilerplate in this file". */
export const FIX_ALL_KIND = 'source.fixAll.vn-corpus';

/** Diagnostic `source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'vn-corpus';

/** One meeting of the workspace corpus, as the Meetings view lists it. */
export interface MeetingSummary {
  readonly uri: string;
  readonly title: string;
  readonly kind: string;
  /** ISO date, or the year alone, or '' when unknown. */
  readonly when: string;
  readonly province: string;
  readonly status: 'reported' | 'mentioned' | 'planned';
  readonly primary: boolean;
  readonly line: number;
  readonly people: readonly string[];
  /** Which evidence fixed the year of a date written without one, or why it stays unknown. */
  readonly yearEvidence?: string;
}

/** Client → server request: every meeting of the indexed corpus (and open files), in date order. */
export const MEETINGS_REQUEST = 'vnCorpus/meetings';
