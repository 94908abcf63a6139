import { pathToFileURL } from 'node:url';
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { analyzeClosedFile } from './closed-files';
import { toOffset, toRange } from './convert';
import { referenceAt } from './hover';
import type { ServerState } from './state';

/** Every mention of the same document, congress or body across open files and the indexed corpus. */
export async function findAllReferences(state: ServerState, params: ReferenceParams, token: CancellationToken): Promise<Location[]> {
  const doc = state.documents.get(params.textDocument.uri);
  const analysis = doc ? await state.service.get(doc, () => token.isCancellationRequested) : undefined;
  if (!analysis) return [];
  const target = referenceAt(analysis, toOffset(analysis.doc.lines, params.position));
  if (!target || target.resolution.status !== 'resolved') return [];
  const id = target.resolution.id;
  const locations: Location[] = [];
  const collect = (uri: string, a: Analysis): void => {
    for (const r of a.references) {
      if (r.resolution.status === 'resolved' && r.resolution.id === id) locations.push({ uri, range: toRange(a.doc.lines, r.mention.span) });
    }
  };
  const open = new Set<string>();
  for (const d of state.documents.all()) {
    const a = await state.service.get(d, () => token.isCancellationRequested);
    if (a) collect(d.uri, a);
    open.add(d.uri);
  }
  for (const file of state.index?.indexedFiles ?? []) {
    if (token.isCancellationRequested) return locations;
    if (open.has(pathToFileURL(file).toString())) continue;
    const closed = await analyzeClosedFile(file, state.optionsFor);
    if ('analysis' in closed) collect(closed.uri, closed.analysis);
  }
  return locations;
}
