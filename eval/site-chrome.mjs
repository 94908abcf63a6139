// What boilerplate/site-chrome adds when a folder of pages is opened together in the editor, through the real server.
// Usage: node eval/site-chrome.mjs [pages folder]   (default ../shared/devset/pages; needs `npm run build`)
// The pages are copied under corpus/ of a scratch workspace (so the server indexes them), every page is opened, and
// the diagnostics are scored by the folder's score.py (../shared/devset/score.py) with the rule on and off, for all
// non-weak findings and for the certain tier (what fix-all removes).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { startServer } = require('../server/out/test-lsp/harness.js');
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const pages = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'devset', 'pages'));
const scorer = path.join(pages, '..', 'score.py');
if (!fs.existsSync(pages) || !fs.existsSync(scorer)) {
  console.log(`skipped: ${pages} or ${scorer} is missing (the dev set lives outside the repository)`);
  process.exit(0);
}

/** Lines wholly covered by non-weak boilerplate diagnostics (certain only when `certainOnly`). */
function flagged(diagnostics, text, certainOnly) {
  const lines = text.split(/\r\n|\r|\n/u);
  const out = new Set();
  for (const d of diagnostics) {
    if (!String(d.code).startsWith('boilerplate/') || d.data?.tier === 'weak' || (certainOnly && d.data?.tier !== 'certain')) continue;
    for (let l = d.range.start.line; l <= d.range.end.line; l++) {
      const fromStart = l > d.range.start.line || d.range.start.character === 0;
      const toEnd = l < d.range.end.line || d.range.end.character >= (lines[l] ?? '').length;
      if (fromStart && toEnd) out.add(l);
    }
  }
  return [...out].sort((a, b) => a - b);
}

async function diagnosticsOf(rules) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-site-eval-'));
  fs.mkdirSync(path.join(ws, 'corpus'));
  const names = fs.readdirSync(pages).filter((f) => f.endsWith('.txt')).sort();
  for (const n of names) fs.copyFileSync(path.join(pages, n), path.join(ws, 'corpus', n));
  const client = await startServer({ workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }], settings: { rules } });
  try {
    // The profiles exist once the index does; ask until the server answers with them.
    const deadline = Date.now() + 60_000;
    while (!(await client.connection.sendRequest('vnCorpus/siteProfiles')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const result = {};
    for (const n of names) {
      const text = fs.readFileSync(path.join(ws, 'corpus', n), 'utf8');
      result[n] = { text, diagnostics: await client.open(pathToFileURL(path.join(ws, 'corpus', n)).toString(), text) };
    }
    return result;
  } finally {
    await client.close();
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

function score(label, files, certainOnly) {
  const pred = Object.fromEntries(Object.entries(files).map(([n, f]) => [n, flagged(f.diagnostics, f.text, certainOnly)]));
  const file = path.join(os.tmpdir(), `vn-corpus-site-eval-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(pred));
  const run = spawnSync('python3', [scorer, file], { encoding: 'utf8' });
  fs.rmSync(file, { force: true });
  console.log(`== ${label}\n${run.stdout.trimEnd()}${run.stderr ? `\n${run.stderr}` : ''}`);
}

const on = await diagnosticsOf({});
const off = await diagnosticsOf({ 'boilerplate/site-chrome': 'off' });
const chromeLines = Object.values(on).reduce((n, f) => n + f.diagnostics.filter((d) => d.code === 'boilerplate/site-chrome').length, 0);
console.log(`${Object.keys(on).length} pages opened together; ${chromeLines} boilerplate/site-chrome findings`);
score('certain and probable, site-chrome off', off, false);
score('certain and probable, site-chrome on', on, false);
score('certain only (fix-all), site-chrome off', off, true);
score('certain only (fix-all), site-chrome on', on, true);
