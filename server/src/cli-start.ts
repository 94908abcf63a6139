import * as path from 'node:path';
import { loadWithCodeCache } from './node/code-cache';

/** Content hash of `cli-main.js`, put in by `scripts/bundle.mjs` when it builds this file. */
declare const CLI_BUNDLE_KEY: string;

type Cli = typeof import('./cli/main');

/**
 * `dist/cli.js`: runs the CLI bundle (`cli-main.js`) through V8's code cache, as `dist/server.js` runs the server's,
 * and stores the code compiled by the first run when the process exits, so the next run compiles little.
 */
export function cliMain(): void {
  const cli = loadWithCodeCache(path.join(__dirname, 'cli-main.js'), CLI_BUNDLE_KEY, require);
  process.once('exit', () => cli.save());
  (cli.exports as Cli).cliMain();
}

if (require.main === module) cliMain();
