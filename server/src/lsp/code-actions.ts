import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { FindingsAnalysis } from '../core/analyze';
import { fixAllEdits } from '../core/fix-all';
import type { Finding, Locale } from '../core/types';
import { FIX_ALL_KIND } from '../protocol';
import { COMMANDS } from './commands';
import { toTextEdit } from './convert';
import { t } from './messages';

/** Quick fixes for the diagnostics in the request (each action names the diagnostic as the client sent it), plus the file-wide fix-all when asked for. */
export function toCodeActions(analysis: FindingsAnalysis, params: CodeActionParams, locale: Locale, canKeep: boolean): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(analysis, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(analysis.doc.lines, e)) } },
        });
      }
      const mention = finding.ruleId === 'reference/unknown' ? analysis.references.find((r) => r.mention.span.start === finding.span.start)?.mention : undefined;
      if (canKeep && mention?.symbol && mention.kind) {
        actions.push({
          title: t(locale, 'addStub'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: t(locale, 'addStub'), command: COMMANDS.addCatalogStub, arguments: [{ symbol: mention.symbol, kind: mention.kind, citedAs: mention.text }] },
        });
      }
      if (canKeep && finding.ruleId.startsWith('boilerplate/')) {
        const line = analysis.doc.lineText(analysis.doc.lines.lineAt(finding.span.start));
        actions.push({
          title: t(locale, 'keepLine'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: t(locale, 'keepLine'), command: COMMANDS.keepLine, arguments: [line] },
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined || actions.length > 0)) {
    const edits = fixAllEdits(analysis);
    if (edits.length > 0) {
      actions.push({ title: t(locale, 'fixAll'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits.map((e) => toTextEdit(analysis.doc.lines, e)) } } });
    }
  }
  return actions;
}

function findingFor(analysis: FindingsAnalysis, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== 'vn-corpus') return undefined;
  const data = diagnostic.data as { index?: unknown } | undefined;
  const byIndex = typeof data?.index === 'number' ? analysis.findings[data.index] : undefined;
  const matches = (f: Finding): boolean => {
    const r = analysis.doc.lines.toRange(f.span);
    return f.ruleId === diagnostic.code && r.start.line === diagnostic.range.start.line && r.start.character === diagnostic.range.start.character
      && r.end.line === diagnostic.range.end.line && r.end.character === diagnostic.range.end.character;
  };
  if (byIndex && matches(byIndex)) return byIndex;
  return analysis.findings.find(matches);
}
