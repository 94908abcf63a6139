import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport, type Position, type Range } from 'vscode-languageserver';
import type { FindingsAnalysis } from '../core/analyze';
import { nextTurn } from '../node/scheduler';
import type { Finding } from '../core/types';
import { ALL_DIAGNOSTIC_FEATURES, sameDiagnostic, sameRange, toDiagnostic, toRange, type DiagnosticFeatures } from './convert';

/** Findings converted between two yields: a few milliseconds of work, so a request waits little behind a publish. */
const PER_SLICE = 500;

/** All findings as diagnostics, converted in slices so a document with thousands of findings does not hold the server. */
export async function toDiagnostics(analysis: FindingsAnalysis, docsBase: string | undefined, features: DiagnosticFeatures = ALL_DIAGNOSTIC_FEATURES): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (let i = 0; i < analysis.findings.length; i++) {
    const finding = analysis.findings[i];
    if (finding) out.push(toDiagnostic(analysis.doc.lines, finding, i, docsBase, features));
    if (i % PER_SLICE === PER_SLICE - 1) await nextTurn();
  }
  return out;
}

/** One document's diagnostics, in the order of the analysis's findings. */
export interface DocumentDiagnostics {
  readonly diagnostics: readonly Diagnostic[];
}

/** A converted finding, kept to be compared with the next version's findings. */
interface Converted {
  readonly finding: Finding;
  readonly diagnostic: Diagnostic;
}

/**
 * The diagnostics of the open documents. An edit moves few findings to another line or character, so a finding
 * that says the same at the same position keeps the Diagnostic converted for an earlier version; and a set that
 * equals the one last sent for the same version (a republish after a settings or index change) is not sent again.
 * To a client that pulls diagnostics, a set that equals the one it holds is reported unchanged, whatever the version.
 */
export class OpenDiagnostics {
  /** Per document, the last version's converted findings in order: the next version's findings are compared with them. */
  private readonly last = new Map<string, readonly Converted[]>();
  private readonly sent = new Map<string, { readonly version: number; readonly diagnostics: readonly Diagnostic[] }>();
  /** Per document, the last full report to a pull, by its result id. */
  private readonly reported = new Map<string, { readonly resultId: string; readonly diagnostics: readonly Diagnostic[] }>();
  private reports = 0;

  constructor(private readonly docsBase: string | undefined, private readonly features: DiagnosticFeatures = ALL_DIAGNOSTIC_FEATURES) {}

  /**
   * The analysis's diagnostics, reusing the previous version's Diagnostic of every finding that says the same at the
   * same place. Findings before an edit keep their index and those after it their index from the end, so each is
   * compared with the earlier finding there first, and looked up by place only when that one differs.
   */
  async convert(uri: string, analysis: FindingsAnalysis): Promise<DocumentDiagnostics> {
    const earlier = this.last.get(uri) ?? [];
    const lines = analysis.doc.lines;
    const findings = analysis.findings;
    const fromEnd = earlier.length - findings.length;
    const converted: Converted[] = [];
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < findings.length; i++) {
      const finding = findings[i];
      if (!finding) continue;
      const range = toRange(lines, finding.span);
      const kept = sameAs(earlier[i], finding, range) ?? sameAs(earlier[i + fromEnd], finding, range) ?? startingAt(earlier, finding, range);
      // `data.index` is a hint for code actions, which check it against the range: a reused one may be stale.
      const diagnostic = kept?.diagnostic ?? toDiagnostic(lines, finding, i, this.docsBase, this.features);
      converted.push({ finding, diagnostic });
      diagnostics.push(diagnostic);
      if (i % PER_SLICE === PER_SLICE - 1) await nextTurn();
    }
    this.last.set(uri, converted);
    return { diagnostics };
  }

  /**
   * Whether these diagnostics differ from the ones last sent for this document at this version. A Diagnostic is only
   * reused for a finding that says the same, so the very same objects in the same order say the same.
   */
  changedSince(uri: string, version: number, converted: DocumentDiagnostics): boolean {
    const sent = this.sent.get(uri);
    return !sent || sent.version !== version || !sameObjects(sent.diagnostics, converted.diagnostics);
  }

  /** Notes what was sent for a document. */
  noteSent(uri: string, version: number, converted: DocumentDiagnostics): void {
    this.sent.set(uri, { version, diagnostics: converted.diagnostics });
  }

  /**
   * The answer to a pull (`textDocument/diagnostic`) from a client that holds the report `previousResultId`:
   * unchanged when these are that report's very diagnostics, else the full set under a new result id.
   */
  report(uri: string, previousResultId: string | undefined, converted: DocumentDiagnostics): DocumentDiagnosticReport {
    const held = this.reported.get(uri);
    if (held && held.resultId === previousResultId && sameObjects(held.diagnostics, converted.diagnostics)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: held.resultId };
    }
    const resultId = String(++this.reports);
    this.reported.set(uri, { resultId, diagnostics: converted.diagnostics });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...converted.diagnostics] };
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.last.delete(uri);
    this.sent.delete(uri);
    this.reported.delete(uri);
  }
}

function sameObjects(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The earlier converted finding when it gives this finding's diagnostic at this range. */
function sameAs(earlier: Converted | undefined, finding: Finding, range: Range): Converted | undefined {
  return earlier && earlier.finding.ruleId === finding.ruleId && sameRange(earlier.diagnostic.range, range) && sameDiagnostic(earlier.finding, finding) ? earlier : undefined;
}

/**
 * The earlier converted finding that gives this finding's diagnostic at this range, among those starting where the
 * range starts: findings are in document order, so their ranges are found by bisection.
 */
function startingAt(earlier: readonly Converted[], finding: Finding, range: Range): Converted | undefined {
  let lo = 0;
  let hi = earlier.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions((earlier[mid] as Converted).diagnostic.range.start, range.start) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < earlier.length; j++) {
    const c = earlier[j] as Converted;
    if (comparePositions(c.diagnostic.range.start, range.start) !== 0) return undefined;
    if (sameAs(c, finding, range)) return c;
  }
  return undefined;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
