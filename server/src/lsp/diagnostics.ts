import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { nextTurn } from '../node/scheduler';
import { diagnosticKey, toDiagnostic } from './convert';

const PER_SLICE = 2000;

/** All findings as diagnostics, converted in slices so a document with thousands of findings does not hold the server. */
export async function toDiagnostics(analysis: Analysis, docsBase: string | undefined): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (let i = 0; i < analysis.findings.length; i++) {
    const finding = analysis.findings[i];
    if (finding) out.push(toDiagnostic(analysis.doc.lines, finding, i, docsBase));
    if (i % PER_SLICE === PER_SLICE - 1) await nextTurn();
  }
  return out;
}

/** One document's diagnostics, with what each says, in the order of the analysis's findings. */
export interface DocumentDiagnostics {
  readonly diagnostics: readonly Diagnostic[];
  readonly keys: readonly string[];
}

/**
 * The diagnostics of the open documents. An edit moves few findings to another line or character, so a finding
 * that says the same at the same position keeps the Diagnostic converted for an earlier version; and a set that
 * equals the one last sent for the same version (a republish after a settings or index change) is not sent again.
 */
export class OpenDiagnostics {
  /** Per document, the last version's diagnostics by key: the next version looks its findings up there. */
  private readonly last = new Map<string, ReadonlyMap<string, Diagnostic>>();
  private readonly sent = new Map<string, { readonly version: number; readonly keys: readonly string[] }>();

  constructor(private readonly docsBase: string | undefined) {}

  /** The analysis's diagnostics, reusing the previous version's Diagnostic of every finding whose key is unchanged. */
  async convert(uri: string, analysis: Analysis): Promise<DocumentDiagnostics> {
    const reusable = this.last.get(uri);
    const byKey = new Map<string, Diagnostic>();
    const diagnostics: Diagnostic[] = [];
    const keys: string[] = [];
    for (let i = 0; i < analysis.findings.length; i++) {
      const finding = analysis.findings[i];
      if (!finding) continue;
      const key = diagnosticKey(analysis.doc.lines, finding);
      // `data.index` is a hint for code actions, which check it against the range: a reused one may be stale.
      const diagnostic = reusable?.get(key) ?? toDiagnostic(analysis.doc.lines, finding, i, this.docsBase);
      byKey.set(key, diagnostic);
      diagnostics.push(diagnostic);
      keys.push(key);
      if (i % PER_SLICE === PER_SLICE - 1) await nextTurn();
    }
    this.last.set(uri, byKey);
    return { diagnostics, keys };
  }

  /** Whether these diagnostics differ from the ones last sent for this document at this version. */
  changedSince(uri: string, version: number, converted: DocumentDiagnostics): boolean {
    const sent = this.sent.get(uri);
    return !sent || sent.version !== version || !sameKeys(sent.keys, converted.keys);
  }

  /** Notes what was sent for a document. */
  noteSent(uri: string, version: number, converted: DocumentDiagnostics): void {
    this.sent.set(uri, { version, keys: converted.keys });
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.last.delete(uri);
    this.sent.delete(uri);
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
