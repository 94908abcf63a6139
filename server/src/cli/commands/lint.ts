import * as path from 'node:path';
import { diagnosticsOf, type LintRecord } from '../lint-run';
import type { Output } from '../main';

const SEVERITY_WORD = ['', 'error', 'warning', 'info', 'hint'] as const;
const SARIF_LEVEL = ['', 'error', 'warning', 'note', 'note'] as const;

type Linted = Extract<LintRecord, { diagnosticsJson: string }>;

/** Prints findings as text, LSP-shaped JSON or SARIF; returns whether anything was found. */
export function printLint(records: readonly LintRecord[], format: string, io: Output): boolean {
  const linted = records.flatMap((r): Linted[] => ('diagnosticsJson' in r ? [r] : []));
  const found = linted.some((r) => r.count > 0);
  if (format === 'json') {
    // Assembled from each file's JSON text, so a large corpus is never held as one tree of objects.
    io.out(`[\n${linted.map((r) => `{"uri":${JSON.stringify(r.uri)},"diagnostics":${r.diagnosticsJson}}`).join(',\n')}\n]\n`);
  } else if (format === 'sarif') {
    io.out(`${JSON.stringify(toSarif(linted), null, 1)}\n`);
  } else {
    for (const r of linted) {
      for (const d of diagnosticsOf(r)) {
        const p = d.range.start;
        io.out(`${path.relative(process.cwd(), r.file)}:${p.line + 1}:${p.character + 1}: ${SEVERITY_WORD[d.severity ?? 3]} ${d.message} [${String(d.code)}]\n`);
      }
    }
    const count = linted.reduce((n, r) => n + r.count, 0);
    io.err(`${count} finding${count === 1 ? '' : 's'} in ${linted.length} file${linted.length === 1 ? '' : 's'}\n`);
  }
  return found;
}

function toSarif(records: readonly Linted[]): unknown {
  const parsed = records.map((r) => ({ uri: r.uri, diagnostics: diagnosticsOf(r) }));
  const ruleIds = [...new Set(parsed.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vn-corpus', informationUri: 'https://example.invalid/vn-news-corpus', rules: ruleIds.map((id) => ({ id })) } },
      results: parsed.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: String(d.code),
        level: SARIF_LEVEL[d.severity ?? 3],
        message: { text: d.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: r.uri },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        } }],
      }))),
    }],
  };
}
