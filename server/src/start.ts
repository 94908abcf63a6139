import * as path from 'node:path';
import { loadWithCodeCache, type CachedModule } from './node/code-cache';

/** Content hashes of the two bundles, put in by `scripts/bundle.mjs` when it builds this file. */
declare const SERVER_BUNDLE_KEY: string;
declare const FEATURES_BUNDLE_KEY: string;

/** How `server-main.js` names the feature bundle it loads once `initialize` is answered (see `lsp/server.ts`). */
const FEATURES_REQUEST = './server-features.js';

type Main = typeof import('./main');

/**
 * `dist/server.js`: starts the language server through V8's code cache. `server-main.js` holds what answers
 * `initialize`; `server-features.js` (the feature modules and the analysis core) is read and compiled only when the
 * state is built, and takes the protocol modules from the first bundle. Both store their compiled code once
 * `initialized` has been handled, so the next start compiles neither.
 */
let features: CachedModule | undefined;
const server = loadWithCodeCache(path.join(__dirname, 'server-main.js'), SERVER_BUNDLE_KEY, ((id: string) =>
  id === FEATURES_REQUEST ? loadFeatures().exports : require(id)) as NodeJS.Require);

function loadFeatures(): CachedModule {
  const shared = (server.exports as Main).sharedModules as Record<string, unknown>;
  features ??= loadWithCodeCache(path.join(__dirname, 'server-features.js'), FEATURES_BUNDLE_KEY, ((id: string) => shared[id] ?? require(id)) as NodeJS.Require);
  return features;
}

(server.exports as Main).main({
  afterInitialize: () => {
    server.save();
    features?.save();
  },
});
