#!/usr/bin/env node
// Opens the file written by `vn-corpus report --html` in headless Chromium with the network cut off, checks that
// it renders completely under its own strict Content-Security-Policy (no request leaves the page, no CSP violation,
// charts drawn, numbers equal to `vn-corpus report --format json`), and saves light and dark screenshots.
//
// Usage: node e2e/report/standalone.js <repo root> <corpus folder>...
//   env E2E_SHOTS screenshot dir (default /tmp/vn-corpus-e2e/shots)
// Prints `ok - ...` / `not ok - ...` and a final `N passed, N failed`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');
const { launchChromium } = require('../chromium');

const [root, ...folders] = process.argv.slice(2);
if (!root || folders.length === 0) {
  console.error('usage: standalone.js <repo root> <corpus folder>...');
  process.exit(2);
}
const SHOTS = process.env.E2E_SHOTS || '/tmp/vn-corpus-e2e/shots';
fs.mkdirSync(SHOTS, { recursive: true });
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
};

(async () => {
  const browser = await launchChromium();
  try {
    for (const folder of folders) {
      const name = path.basename(folder);
      if (!fs.existsSync(folder)) {
        console.log(`skip - ${folder} is absent, so the standalone report of it is not tested`);
        continue;
      }
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-report-')), `${name}.html`);
      const cli = path.join(root, 'bin', 'vn-corpus');
      execFileSync(process.execPath, [cli, 'report', '--html', out, folder], { stdio: ['ignore', 'ignore', 'inherit'] });
      const expected = JSON.parse(execFileSync(process.execPath, [cli, 'report', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 64 << 20 }));
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1200, height: 900 }, offline: true });
        const page = await context.newPage();
        const requests = [];
        const violations = [];
        const errors = [];
        page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => { if (/Content Security Policy|Refused to/iu.test(m.text())) violations.push(m.text()); });
        await page.goto(pathToFileURL(out).toString());
        await page.waitForSelector('main[data-state="complete"]', { timeout: 15000 });
        const got = await page.evaluate(() => {
          const t = document.getElementById('totals');
          const canvases = [...document.querySelectorAll('canvas')];
          // A drawn chart has pixels that are not transparent.
          const drawn = canvases.filter((c) => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
            return false;
          }).length;
          return { files: Number(t.dataset.files), lines: Number(t.dataset.lines), certain: Number(t.dataset.certain), meetings: Number(t.dataset.meetings), references: Number(t.dataset.references), canvases: canvases.length, drawn, bg: getComputedStyle(document.body).backgroundColor };
        });
        const e = expected.totals;
        check(got.files === e.files && got.lines === e.lines && got.certain === e.flagged.certain && got.meetings === e.meetings && got.references === e.references,
          `${name} (${scheme}): page totals equal the CLI's JSON (${got.files} files, ${got.lines} lines, ${got.certain} certain, ${got.meetings} meetings, ${got.references} references)`);
        check(got.canvases > 0 && got.drawn === got.canvases, `${name} (${scheme}): ${got.drawn} of ${got.canvases} charts drawn`);
        check(requests.length === 0, `${name} (${scheme}): no request left the page${requests.length ? `: ${requests.slice(0, 3).join(', ')}` : ''}`);
        check(violations.length === 0 && errors.length === 0, `${name} (${scheme}): no CSP violation or script error${[...violations, ...errors].slice(0, 2).map((v) => `: ${v}`).join('')}`);
        const dark = /rgb\((\d+), (\d+), (\d+)\)/u.exec(got.bg);
        const luminance = dark ? (Number(dark[1]) + Number(dark[2]) + Number(dark[3])) / 3 : -1;
        check(scheme === 'dark' ? luminance >= 0 && luminance < 80 : luminance > 200, `${name} (${scheme}): background follows the colour scheme (${got.bg})`);
        const file = path.join(SHOTS, `report-html-${name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`screenshot: ${file}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})().catch((e) => {
  console.log(`not ok - standalone report: ${e.message}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
