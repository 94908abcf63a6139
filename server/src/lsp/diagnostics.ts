import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { toDiagnostic } from './convert';

const PER_SLICE = 2000;

/** All findings as diagnostics, converted in slices so a document with thousands of findings does not hold the server. */
export async function toDiagnostics(analysis: Analysis, docsBase: string | undefined): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (let i = 0; i < analysis.findings.length; i++) {
    const finding = analysis.findings[i];
    if (finding) out.push(toDiagnostic(analysis.doc.lines, finding, i, docsBase));
    if (i % PER_SLICE === PER_SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
