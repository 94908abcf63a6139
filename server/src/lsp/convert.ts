import {
  Diagnostic, DiagnosticSeverity, DiagnosticTag, type Position, type Range, type TextEdit,
} from 'vscode-languageserver';
import type { LineIndex } from '../core/text/line-index';
import type { Edit, Finding, Severity, Span } from '../core/types';
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
    data: { index, tier: finding.tier },
  };
}
