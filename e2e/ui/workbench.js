// What every code-server driver shares: the timed log, screenshots, the test runner with its closing
// `N passed, N failed` line, the command palette, and the browser session around a driver's tests.
//   env E2E_SHOTS screenshot dir, E2E_TIMEOUT_MS per-wait timeout (default 30000)
'use strict';
const fs = require('fs');
const path = require('path');
const { launchChromium } = require('../chromium');

const SHOTS = process.env.E2E_SHOTS || '/tmp/vn-corpus-e2e/shots';
const T = Number(process.env.E2E_TIMEOUT_MS) || 30000;
const t0 = Date.now();
const counts = { passed: 0, failed: 0 };
const state = { page: undefined, shotName: (name) => name };

const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const norm = (s) => (s || '').replace(/\u00a0/g, ' ');
const escRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Saves a screenshot of the page under the driver's naming, logging (not failing) when it cannot. */
async function shot(name) {
  if (!state.page) return;
  const file = path.join(SHOTS, `${state.shotName(name)}.png`);
  try {
    await state.page.screenshot({ path: file, timeout: 15000 });
    log(`screenshot: ${file}`);
  } catch (e) {
    log(`screenshot failed (${name}): ${e.message.split('\n')[0]}`);
  }
}

/** Runs one test and prints `ok - …` or `not ok - …`; a `slug` also saves a screenshot afterwards. */
async function test(name, slug, fn) {
  try {
    const info = await fn();
    counts.passed++;
    console.log(`ok - ${name}${info ? ` (${info})` : ''}`);
  } catch (e) {
    counts.failed++;
    console.log(`not ok - ${name}: ${String((e && e.message) || e).split('\n').slice(0, 3).join(' | ')}`);
  }
  if (slug) await shot(slug);
}

/** Runs a command from the palette (F1); `pick` then chooses an item of the quick pick it opens. */
async function palette(command, pick) {
  const page = state.page;
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill('>' + command);
  const row = page.locator('.quick-input-widget .monaco-list-row', {
    has: page.locator('.label-name', { hasText: new RegExp(`^([^:]+: )?${escRe(command)}$`, 'i') }),
  }).first();
  await row.waitFor({ state: 'visible', timeout: T });
  await row.click();
  if (pick) {
    await input.fill(pick);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: pick }).first().waitFor({ timeout: T });
    await page.keyboard.press('Enter');
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
}

/**
 * Launches Chromium, opens a page of the given viewport and runs `body(page)`; a crash counts as one failure.
 * Ends the process with the closing line, exit code 0 only when every test passed and at least one ran.
 */
function runDriver(name, { viewport, shotName }, body) {
  if (shotName) state.shotName = shotName;
  fs.mkdirSync(SHOTS, { recursive: true });
  (async () => {
    let browser;
    try {
      browser = await launchChromium();
      log('browser launched', browser.version());
      const context = await browser.newContext({ viewport });
      state.page = await context.newPage();
      state.page.setDefaultTimeout(T);
      await body(state.page);
    } catch (e) {
      counts.failed++;
      console.log(`not ok - ${name} crashed: ${String((e && e.stack) || e).split('\n').slice(0, 4).join(' | ')}`);
      await shot('crash');
    } finally {
      if (browser) await browser.close().catch(() => {});
    }
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
    process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
  })();
}

module.exports = { T, log, norm, escRe, shot, test, palette, runDriver };
