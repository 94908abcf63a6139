import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze, type AnalysisOptions } from '../core/analyze';
import { toDiagnostic } from '../lsp/convert';
import { keptOrRead } from '../node/read-text';

/**
 * What lint reports of one file: its diagnostics in LSP shape, kept as JSON text so a large corpus is never
 * held as one tree of objects, or why the file could not be read.
 */
export type LintRecord =
  | { readonly file: string; readonly uri: string; readonly count: number; readonly diagnosticsJson: string }
  | { readonly file: string; readonly uri: string; readonly problem: string };

/** The diagnostics of a record, as objects. */
export function diagnosticsOf(record: Extract<LintRecord, { diagnosticsJson: string }>): Diagnostic[] {
  return JSON.parse(record.diagnosticsJson) as Diagnostic[];
}

/** Lints each file, using the text already read where there is one. */
export function lintFiles(files: readonly string[], kept: ReadonlyMap<string, string>, options: AnalysisOptions): LintRecord[] {
  return files.map((file) => {
    const uri = pathToFileURL(file).toString();
    const read = keptOrRead(file, kept);
    if ('problem' in read) return { file, uri, problem: read.problem };
    const analysis = analyze(read.text, { ...options, path: file });
    const diagnostics = analysis.findings.map((f, i) => toDiagnostic(analysis.doc.lines, f, i));
    return { file, uri, count: diagnostics.length, diagnosticsJson: JSON.stringify(diagnostics) };
  });
}
