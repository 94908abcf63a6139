import {
  Diagnostic, DiagnosticSeverity, DiagnosticTag, type DiagnosticRelatedInformation, type Position, type Range, type TextEdit,
} from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { LineIndex } from '../core/text/line-index';
import type { Edit, Finding, RelatedPlace, Severity, Span } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';

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

/** The page documenting a rule, shipped under `docs/rules/`. */
export function ruleDocUrl(docsBase: string | undefined, ruleId: string): string | undefined {
  return docsBase ? `${docsBase}/${ruleId.replace('/', '-')}.md` : undefined;
}

function toRelated(place: RelatedPlace): DiagnosticRelatedInformation {
  const uri = /^[a-z]+:/u.test(place.path) ? place.path : pathToFileURL(place.path).toString();
  const line = Math.max(0, place.line);
  return { location: { uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } }, message: place.message };
}

/** Core finding → LSP diagnostic; `data` carries the index of the finding for code actions. */
export function toDiagnostic(lines: LineIndex, finding: Finding, index: number, docsBase?: string): Diagnostic {
  const href = ruleDocUrl(docsBase, finding.ruleId);
  return {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related && finding.related.length > 0 ? { relatedInformation: finding.related.map(toRelated) } : {}),
    data: { index, tier: finding.tier },
  };
}
