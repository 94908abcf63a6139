import type { StubRequest } from '../node/project-edits';

/** Server commands, run through `workspace/executeCommand`. */
export const COMMANDS = {
  keepLine: 'vnCorpus.keepLine',
  cleanWorkspace: 'vnCorpus.cleanWorkspace',
  addCatalogStub: 'vnCorpus.addCatalogStub',
} as const;

/** Narrows a command argument to a stub request. */
export function isStubRequest(value: unknown): value is StubRequest {
  const v = value as Partial<StubRequest> | null;
  return typeof v === 'object' && v !== null && typeof v.symbol === 'string' && typeof v.kind === 'string' && typeof v.citedAs === 'string';
}
