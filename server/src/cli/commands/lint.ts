import * as path from 'node:path';
import { toDiagnostic } from '../../lsp/convert';
import type { FileResult, Output } from '../main';

const SARIF_LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Prints findings as text, LSP-shaped JSON or SARIF; returns whether anything was found. */
export function printLint(results: readonly FileResult[], format: string, io: Output): boolean {
  const analysed = results.flatMap((r) => ('analysis' in r ? [r] : []));
  const found = analysed.some((r) => r.analysis.findings.length > 0);
  if (format === 'json') {
    const json = analysed.map((r) => ({ uri: r.uri, diagnostics: r.analysis.findings.map((f, i) => toDiagnostic(r.analysis.doc.lines, f, i)) }));
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else if (format === 'sarif') {
    io.out(`${JSON.stringify(toSarif(analysed), null, 2)}\n`);
  } else {
    for (const r of analysed) {
      for (const f of r.analysis.findings) {
        const p = r.analysis.doc.lines.toPosition(f.span.start);
        io.out(`${path.relative(process.cwd(), r.file)}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]\n`);
      }
    }
    const count = analysed.reduce((n, r) => n + r.analysis.findings.length, 0);
    io.err(`${count} finding${count === 1 ? '' : 's'} in ${analysed.length} file${analysed.length === 1 ? '' : 's'}\n`);
  }
  return found;
}

function toSarif(results: readonly Extract<FileResult, { analysis: unknown }>[]): unknown {
  const ruleIds = [...new Set(results.flatMap((r) => r.analysis.findings.map((f) => f.ruleId)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vn-corpus', informationUri: 'https://example.invalid/vn-news-corpus', rules: ruleIds.map((id) => ({ id })) } },
      results: results.flatMap((r) => r.analysis.findings.map((f) => {
        const start = r.analysis.doc.lines.toPosition(f.span.start);
        const end = r.analysis.doc.lines.toPosition(f.span.end);
        return {
          ruleId: f.ruleId,
          level: SARIF_LEVEL[f.severity] ?? 'note',
          message: { text: f.message },
          locations: [{ physicalLocation: {
            artifactLocation: { uri: r.uri },
            region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
          } }],
        };
      })),
    }],
  };
}
