#!/usr/bin/env node
// Runs e2e/exthost/suite.js inside code-server's real Node extension host, the
// offline equivalent of @vscode/test-electron: the browser workbench gets
// extensionDevelopmentPath / extensionTestsPath through the URL `payload`, the
// extension host calls require(extensionTestsPath).run(), and the workbench
// reports the result through window.codeAutomationExit(code).
//
// Usage: node e2e/exthost/run.js <origin> <workspace-folder> <extensionDevelopmentPath> <extensionTestsPath>
//   env E2E_EXTHOST_TIMEOUT_MS (default 150000), E2E_CHROMIUM, E2E_SHOTS
// Re-prints the suite's `N passed, N failed` as the last line; exit 0 only if
// the suite passed.
'use strict';
const fs = require('fs');
const path = require('path');
const { launchChromium } = require('../chromium');

const [origin, folder, devPath, testsPath] = process.argv.slice(2);
if (!testsPath) {
  console.error('usage: run.js <origin> <folder> <extensionDevelopmentPath> <extensionTestsPath>');
  process.exit(2);
}
const TIMEOUT = Number(process.env.E2E_EXTHOST_TIMEOUT_MS) || 150000;
const SHOTS = process.env.E2E_SHOTS || '/tmp/vn-corpus-e2e/shots';
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

(async () => {
  let browser;
  let summary = null;
  let code = 1;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // Extension-host console output arrives here (level, message).
    await page.exposeFunction('codeAutomationLog', (type, msg) => {
      const text = Array.isArray(msg) ? msg.join(' ') : String(msg);
      for (const line of text.split('\n')) {
        // Forward only the suite's own lines plus errors; the workbench is chatty.
        const m = line.match(/\[vn-e2e\] ?(.*)$/);
        if (m) {
          console.log(m[1]);
          const s = m[1].match(/^(\d+) passed, (\d+) failed$/);
          if (s) summary = m[1];
        } else if (type === 'error' && !/open-vsx|ENOTFOUND|marketplace/i.test(line)) {
          console.log(`  [exthost ${type}] ${line.slice(0, 300)}`);
        }
      }
    });
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
    page.on('pageerror', (e) => log('pageerror:', e.message.split('\n')[0]));

    const remote = (p) => `vscode-remote://${new URL(origin).host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    log('browser', browser.version(), '- loading workbench with extension tests');
    await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const timedOut = new Promise((r) => { timer = setTimeout(() => r('timeout'), TIMEOUT); });
    const res = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (res === 'timeout') {
      log(`suite did not finish within ${TIMEOUT / 1000}s`);
      fs.mkdirSync(SHOTS, { recursive: true });
      const f = path.join(SHOTS, 'exthost-timeout.png');
      await page.screenshot({ path: f }).then(() => log('screenshot:', f), () => {});
    } else {
      code = Number(res) || 0;
      log(`extension tests exit code: ${res}`);
    }
  } catch (e) {
    log('runner crashed:', String(e && e.stack || e).split('\n').slice(0, 4).join(' | '));
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
  if (summary) {
    console.log(summary);
  } else {
    console.log('not ok - extension-host suite produced no summary (crashed or timed out)');
  }
  process.exit(code === 0 && summary && / 0 failed$/.test(summary) ? 0 : 1);
})();
