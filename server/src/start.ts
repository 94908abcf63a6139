import * as path from 'node:path';
import { loadWithCodeCache } from './node/code-cache';

/** The content hash of `server-main.js`, put in by `scripts/bundle.mjs` when it builds this file. */
declare const SERVER_BUNDLE_KEY: string;

/**
 * `dist/server.js`: starts the language server bundle (`dist/server-main.js`) through V8's code cache, and stores
 * the compiled code once `initialize` is answered, so the next start does not compile it again.
 */
const bundle = loadWithCodeCache(path.join(__dirname, 'server-main.js'), SERVER_BUNDLE_KEY, require);
(bundle.exports as typeof import('./main')).main({ afterInitialize: () => bundle.save() });
