import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULE_INFO } from '../core/rules/registry';
import type { LineIndex } from '../core/text/line-index';
import type { Finding, Severity } from '../core/types';
import { ruleDocUrl, rulesDocsBase } from '../node/rule-docs';

/** One file's findings, for the SARIF log. */
export interface SarifFile {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
}

const LEVEL: Readonly<Record<Exclude<Severity, 'off'>, Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF 2.1.0 log: one run, every rule that reported with its description and page, and every finding. */
export function toSarif(files: readonly SarifFile[]): Log {
  const docsBase = rulesDocsBase();
  const ids = [...new Set(files.flatMap((f) => f.findings.map((x) => x.ruleId)))].sort();
  const rules = ids.map((id): ReportingDescriptor => {
    const info = RULE_INFO.get(id);
    const help = ruleDocUrl(docsBase, id);
    return {
      id,
      ...(info ? {
        shortDescription: { text: info.description.en },
        fullDescription: { text: info.description.vi },
        defaultConfiguration: { level: info.defaultSeverity === 'off' ? 'none' : LEVEL[info.defaultSeverity], enabled: info.defaultSeverity !== 'off' },
        properties: { tier: info.tier },
      } : {}),
      ...(help ? { helpUri: help } : {}),
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const results = files.flatMap((file) => file.findings.map((f): Result => {
    const range = file.lines.toRange(f.span);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: {
        artifactLocation: { uri: file.uri },
        region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
      } }],
      properties: { tier: f.tier },
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'vn-corpus', version: '0.1.0', rules } }, columnKind: 'utf16CodeUnits', results }],
  };
}
