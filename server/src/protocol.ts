/** Types and custom messages shared by the client and the server; the client imports types only. */
import type { CorpusReport } from './core/report/corpus-report';

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
}

/** Client → server request: every meeting of the indexed corpus (and open files), in date order. */
export const MEETINGS_REQUEST = 'vnCorpus/meetings';

export type { CorpusReport };

/** The corpus report so far: `done` of `total` files summarised; `version` grows whenever the index or settings change. */
export interface ReportUpdate {
  readonly version: number;
  readonly done: number;
  readonly total: number;
  readonly report: CorpusReport;
}

/** Client → server request: the corpus report (computed if needed, partial updates follow as `REPORT_NOTIFICATION`). */
export const REPORT_REQUEST = 'vnCorpus/report';

/** Server → client notification: a newer (possibly partial) corpus report. */
export const REPORT_NOTIFICATION = 'vnCorpus/reportUpdate';

/** Where indexing stands, for the status bar. */
export interface IndexStatus {
  readonly indexing: boolean;
  /** What is in progress while `indexing`: the line index, or the report's summaries. */
  readonly phase: 'index' | 'report';
  readonly done: number;
  readonly total: number;
  /** Totals of the last complete report, once there is one. */
  readonly totals?: CorpusReport['totals'];
}

/** Server → client notification: indexing progress and corpus totals. */
export const INDEX_STATUS_NOTIFICATION = 'vnCorpus/indexStatus';
/** Client → server request: the workspace's site profiles as a text listing (`{ text }`, or null before indexing). */
export const SITE_PROFILES_REQUEST = 'vnCorpus/siteProfiles';
