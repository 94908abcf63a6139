// Bundles the extension client, the language server and the CLI into dist/ with esbuild, and the report page
// (with Chart.js) into dist/report/ for the webview and `vn-corpus report --html`.
// The server is two files: `server-main.js` (the bundle) and `server.js`, which runs it through V8's code cache
// and knows the bundle's content hash, so a cache compiled from another build is never used.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.env.VN_CORPUS_MINIFY !== '0' };

async function buildServer() {
  await build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js' });
  const key = createHash('sha256').update(readFileSync('dist/server-main.js')).digest('hex').slice(0, 16);
  await build({ ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js', define: { SERVER_BUNDLE_KEY: JSON.stringify(key) } });
}

mkdirSync('dist/report', { recursive: true });
copyFileSync('client/webview/report.css', 'dist/report/report.css');
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  buildServer(),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // No source map: the standalone HTML file inlines this script, and a map comment would point at a missing file.
  build({ ...common, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: false, entryPoints: ['client/webview/report-app.ts'], outfile: 'dist/report/report.js' }),
]);
