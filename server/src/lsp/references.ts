import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { toOffset, toRange } from './convert';
import { referenceAt } from './hover';
import type { ServerState } from './state';

/** Every mention of the same document, congress or body across open files and the indexed corpus. */
export async function findAllReferences(state: ServerState, params: ReferenceParams, token: CancellationToken): Promise<Location[]> {
  const doc = state.documents.get(params.textDocument.uri);
  const analysis = doc ? await state.corpus.analysis(doc, () => token.isCancellationRequested) : undefined;
  if (!analysis) return [];
  const target = referenceAt(analysis, toOffset(analysis.doc.lines, params.position));
  if (!target || target.resolution.status !== 'resolved') return [];
  const id = target.resolution.id;
  const locations: Location[] = [];
  for await (const entry of state.corpus.openAndIndexed(() => token.isCancellationRequested)) {
    if (!('analysis' in entry)) continue;
    for (const r of entry.analysis.references) {
      if (r.resolution.status === 'resolved' && r.resolution.id === id) locations.push({ uri: entry.uri, range: toRange(entry.analysis.doc.lines, r.mention.span) });
    }
  }
  return locations;
}
