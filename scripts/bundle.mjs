// Bundles the extension client, the language server and the CLI into dist/ with esbuild, and the report page
// (with Chart.js) into dist/report/ for the webview and `vn-corpus report --html`.
// The server is three files: `server-main.js` answers `initialize`, `server-features.js` (the feature modules and
// the core, taking the protocol modules from the first) is loaded after, and `server.js` runs both through V8's code
// cache and knows their content hashes, so a cache compiled from another build is never used.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.env.VN_CORPUS_MINIFY !== '0' };

/** `lsp/server.ts` requires `./features`; in the server bundle that is the second file, which `server.js` supplies. */
const featuresApart = {
  name: 'features-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/features$/ }, (args) => (args.importer.endsWith('server.ts') ? { path: './server-features.js', external: true } : undefined));
  },
};
const SHARED = ['vscode-languageserver', 'vscode-languageserver-textdocument'];
const keyOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

async function buildServer() {
  await Promise.all([
    build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js', plugins: [featuresApart] }),
    build({ ...common, entryPoints: ['server/src/lsp/features.ts'], outfile: 'dist/server-features.js', external: SHARED }),
  ]);
  const define = { SERVER_BUNDLE_KEY: JSON.stringify(keyOf('dist/server-main.js')), FEATURES_BUNDLE_KEY: JSON.stringify(keyOf('dist/server-features.js')) };
  await build({ ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js', define });
}

/** The CLI is `cli-main.js`, run by `cli.js` through V8's code cache like the server's bundles. */
async function buildCli() {
  await build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' });
  await build({ ...common, entryPoints: ['server/src/cli-start.ts'], outfile: 'dist/cli.js', define: { CLI_BUNDLE_KEY: JSON.stringify(keyOf('dist/cli-main.js')) } });
}

mkdirSync('dist/report', { recursive: true });
copyFileSync('client/webview/report.css', 'dist/report/report.css');
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  buildServer(),
  buildCli(),
  // The CLI's analysis workers, started from dist/cli.js by path (`server/src/node/analysis-pool.ts`).
  build({ ...common, entryPoints: ['server/src/node/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  // No source map: the standalone HTML file inlines this script, and a map comment would point at a missing file.
  build({ ...common, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: false, entryPoints: ['client/webview/report-app.ts'], outfile: 'dist/report/report.js' }),
]);
