import {
  Diagnostic, DiagnosticSeverity, DiagnosticTag, SymbolKind,
  type ChangeAnnotation, type ClientCapabilities, type DiagnosticRelatedInformation, type Location, type Position, type Range, type SymbolInformation, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { fixAllEdits } from '../core/fix-all';
import type { LineIndex } from '../core/text/line-index';
import type { Edit, Finding, RelatedPlace, Severity, Span } from '../core/types';
import { toUri } from '../node/corpus';
import { ruleDocUrl } from '../node/rule-docs';
import { DIAGNOSTIC_SOURCE, type MeetingSummary } from '../protocol';

/** Core span → LSP range. */
export function toRange(lines: LineIndex, span: Span): Range {
  return lines.toRange(span);
}

/** LSP position → core offset. */
export function toOffset(lines: LineIndex, position: Position): number {
  return lines.toOffset(position);
}

/** Core edit → LSP text edit. */
export function toTextEdit(lines: LineIndex, edit: Edit): TextEdit {
  return { range: toRange(lines, edit.span), newText: edit.newText };
}

const SEVERITY: Readonly<Record<Exclude<Severity, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The start of a line of a file, as a location. */
export function toLineLocation(uri: string, line: number, character = 0, length = 0): Location {
  const at = Math.max(0, line);
  return { uri, range: { start: { line: at, character }, end: { line: at, character: character + length } } };
}

function toRelated(place: RelatedPlace): DiagnosticRelatedInformation {
  const uri = /^[a-z]+:/u.test(place.path) ? place.path : toUri(place.path);
  return { location: toLineLocation(uri, place.line), message: place.message };
}

/** The optional parts of a diagnostic the client says it takes (`textDocument.publishDiagnostics` capabilities). */
export interface DiagnosticFeatures {
  readonly relatedInformation: boolean;
  readonly unnecessaryTag: boolean;
  readonly codeDescription: boolean;
}

/** Every optional part, as VS Code takes them. */
export const ALL_DIAGNOSTIC_FEATURES: DiagnosticFeatures = Object.freeze({ relatedInformation: true, unnecessaryTag: true, codeDescription: true });

/** What a client's capabilities say it takes. */
export function diagnosticFeaturesOf(capabilities: ClientCapabilities): DiagnosticFeatures {
  const publish = capabilities.textDocument?.publishDiagnostics;
  return {
    relatedInformation: publish?.relatedInformation === true,
    unnecessaryTag: publish?.tagSupport?.valueSet?.includes(DiagnosticTag.Unnecessary) === true,
    codeDescription: publish?.codeDescriptionSupport === true,
  };
}

/** Core finding → LSP diagnostic, with the optional parts the client takes; `data` carries the index of the finding for code actions. */
export function toDiagnostic(lines: LineIndex, finding: Finding, index: number, docsBase?: string, features: DiagnosticFeatures = ALL_DIAGNOSTIC_FEATURES): Diagnostic {
  const href = features.codeDescription ? ruleDocUrl(docsBase, finding.ruleId) : undefined;
  return {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.unnecessary && features.unnecessaryTag ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related && finding.related.length > 0 && features.relatedInformation ? { relatedInformation: finding.related.map(toRelated) } : {}),
    data: { index, tier: finding.tier },
  };
}

/** Whether two ranges cover the same positions. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Whether two findings at the same place give the same diagnostic: everything else `toDiagnostic` reads but the
 * finding's index.
 */
export function sameDiagnostic(a: Finding, b: Finding): boolean {
  if (a.severity !== b.severity || a.tier !== b.tier || (a.unnecessary === true) !== (b.unnecessary === true) || a.message !== b.message) return false;
  const x = a.related ?? [];
  const y = b.related ?? [];
  return x.length === y.length && x.every((p, i) => p.path === y[i]?.path && p.line === y[i]?.line && p.message === y[i]?.message);
}

/** A meeting of the workspace as a workspace symbol. */
export function toMeetingSymbol(m: MeetingSummary): SymbolInformation {
  return { name: `${m.when ? `${m.when} ` : ''}${m.title}`, kind: SymbolKind.Event, location: toLineLocation(m.uri, m.line), containerName: m.province };
}

/** A person taking part in a meeting as a workspace symbol. */
export function toPersonSymbol(m: MeetingSummary, person: string): SymbolInformation {
  return { name: person, kind: SymbolKind.Field, location: toLineLocation(m.uri, m.line), containerName: `${m.when} ${m.title}`.trim() };
}

/** One workspace edit removing certain boilerplate from every file, each change needing confirmation (refactor preview). */
export function toCleanWorkspaceEdit(files: readonly { uri: string; version: number | null; analysis: Analysis }[], label: string): WorkspaceEdit | undefined {
  const annotationId = 'vn-corpus-clean';
  const documentChanges: TextDocumentEdit[] = [];
  for (const { uri, version, analysis } of files) {
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) continue;
    documentChanges.push({
      textDocument: { uri, version },
      edits: edits.map((e) => ({ ...toTextEdit(analysis.doc.lines, e), annotationId })),
    });
  }
  if (documentChanges.length === 0) return undefined;
  const annotation: ChangeAnnotation = { label, needsConfirmation: true, description: `${documentChanges.length} files` };
  return { documentChanges, changeAnnotations: { [annotationId]: annotation } };
}
