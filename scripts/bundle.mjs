// Bundles the extension client, the language server and the CLI into dist/ with esbuild, and the report page
// (with Chart.js) into dist/report/ for the webview and `vn-corpus report --html`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.env.VN_CORPUS_MINIFY !== '0' };

mkdirSync('dist/report', { recursive: true });
copyFileSync('client/webview/report.css', 'dist/report/report.css');
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // The CLI's analysis workers, started from dist/cli.js by path (`server/src/node/analysis-pool.ts`).
  build({ ...common, entryPoints: ['server/src/node/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  // No source map: the standalone HTML file inlines this script, and a map comment would point at a missing file.
  build({ ...common, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: false, entryPoints: ['client/webview/report-app.ts'], outfile: 'dist/report/report.js' }),
]);
