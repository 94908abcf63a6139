/** Helpers that read LSP results: diagnostics by line, symbol trees, code action edits. */
import type {
  CodeAction, Command, Definition, DefinitionLink, Diagnostic, DocumentSymbol, Hover, Location,
  MarkupContent, SymbolInformation, TextEdit,
} from 'vscode-languageserver-protocol/node';

/** `rule@line` for each diagnostic, sorted: what "the same findings on the same lines" compares. */
export function codesByLine(diagnostics: readonly Diagnostic[], lineShift = 0): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + lineShift}`).sort();
}

/** The diagnostics of one rule. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The hover's text, whatever form the server chose. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const part = (c: string | MarkupContent | { language: string; value: string }): string => (typeof c === 'string' ? c : c.value);
  return Array.isArray(hover.contents) ? hover.contents.map(part).join('\n') : part(hover.contents);
}

/** The hover's markup, asserting it is Markdown. */
export function hoverMarkdown(hover: Hover | null): string {
  const contents = hover?.contents;
  if (!contents || typeof contents === 'string' || Array.isArray(contents) || !('kind' in contents) || contents.kind !== 'markdown') {
    throw new Error(`expected a Markdown hover, got ${JSON.stringify(hover)}`);
  }
  return contents.value;
}

/** The first location of a definition result, links included. */
export function firstLocation(result: Definition | DefinitionLink[] | null): Location | undefined {
  const first = Array.isArray(result) ? result[0] : result;
  if (!first) return undefined;
  return 'targetUri' in first ? { uri: first.targetUri, range: first.targetSelectionRange } : first;
}

/** Asserts the result is hierarchical and returns every symbol, depth first. */
export function flattenSymbols(result: DocumentSymbol[] | SymbolInformation[] | null): DocumentSymbol[] {
  const all: DocumentSymbol[] = [];
  const visit = (s: DocumentSymbol | SymbolInformation): void => {
    if (!('selectionRange' in s)) throw new Error(`expected DocumentSymbol, got SymbolInformation ${s.name}`);
    all.push(s);
    for (const child of s.children ?? []) visit(child);
  };
  for (const s of result ?? []) visit(s);
  return all;
}

/** The code actions of a result, rejecting bare commands. */
export function toActions(result: (Command | CodeAction)[] | null): CodeAction[] {
  return (result ?? []).map((a) => {
    if (typeof a.command === 'string') throw new Error(`expected CodeAction, got Command ${a.title}`);
    return a as CodeAction;
  });
}

/** The text edits a code action makes to one document, from `changes` or `documentChanges`. */
export function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const fromChanges = action.edit?.changes?.[uri] ?? [];
  const fromDocumentChanges = (action.edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : []));
  return [...fromChanges, ...fromDocumentChanges].map((e) => {
    if (!('newText' in e)) throw new Error('expected plain text edits, got a snippet edit');
    return { range: e.range, newText: e.newText };
  });
}
