import type { ClientCapabilities } from 'vscode-languageserver';

/**
 * Whether an open document's diagnostics go to this client as answers to its pulls (`textDocument/diagnostic`,
 * LSP 3.17) rather than pushed: when it pulls, and can be asked to pull again (`workspace/diagnostic/refresh`)
 * after an index or settings change. A pull is answered "unchanged" when an edit left every diagnostic as it was,
 * so a large document's edits send a few bytes instead of its whole set. Closed files' diagnostics are pushed.
 */
export function pullsDiagnostics(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true;
}
