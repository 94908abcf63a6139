/** A half-open range of UTF-16 offsets into the document text exactly as received. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span moved by `by` characters: a span in a line placed where the line starts in the document. */
export function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** How sure a rule is that a finding is debris; decides fix-all membership, independent of severity. */
export type Tier = 'certain' | 'probable' | 'weak';

/** The severity a user can give a rule. */
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** One replacement of a span by new text. */
export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/** A named set of non-overlapping edits that repairs a finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  readonly preferred?: boolean;
}

/** A pointer to another place (possibly in another file) that explains a finding. */
export interface RelatedPlace {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/** What a rule reports: where, why, and how to fix it. */
export interface Finding {
  readonly ruleId: string;
  readonly span: Span;
  readonly message: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly tier: Tier;
  readonly fixes: readonly Fix[];
  /** The finding marks text that can be removed without loss (the editor dims it). */
  readonly unnecessary?: boolean;
  readonly related?: readonly RelatedPlace[];
}

/** Lets long analysis stop early when its result is no longer wanted. */
export interface CancellationCheck {
  isCancelled(): boolean;
}

/** A cancellation check that never cancels. */
export const neverCancelled: CancellationCheck = { isCancelled: () => false };

/** Raised inside core when a cancellation check fires; adapters catch it. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/** Where core sends diagnostics about itself; adapters implement it. */
export interface Logger {
  log(level: 'error' | 'warn' | 'info' | 'debug', message: string, data?: unknown): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { log: () => undefined };

/** The interface languages core can speak. */
export type Locale = 'en' | 'vi';

/** A message in both interface languages. */
export interface LocalizedText {
  readonly en: string;
  readonly vi: string;
}
