/**
 * Everything the handlers need beyond the protocol: the analysis core, the corpus and the feature modules.
 * `server.ts` loads this module on the first message after `initialize`, not before it answers.
 */
export { catalogEntryPlace } from '../node/workspace-files';
export { toPath, toUri } from '../node/corpus';
export { relativeTo } from '../node/site-profiles-store';
export { toCodeActions } from './code-actions';
export { runCommand } from './command-handlers';
export { toLineLocation, toOffset } from './convert';
export { trackingLineDeletions } from './curator';
export { toFoldingRanges } from './folding';
export { referenceAt, toHover } from './hover';
export { toInlayHints } from './inlay-hints';
export { toWorkspaceSymbols } from './meeting-index';
export { findAllReferences } from './references';
export { registerReport } from './report-service';
export { ServerState } from './state';
export { toDocumentSymbols } from './symbols';
