#!/usr/bin/env node
// Drives code-server (headless Chromium, playwright-core) through site profiles and learning from the curator:
//   1. a page of a site shows "Chrome of site songhong (seen in 4 of its 4 pages)" in the Problems panel;
//   2. "Show site profiles" opens a document listing the sites, their pages and chrome lines;
//   3. deleting a line by hand (Ctrl+Shift+K) that two other files hold brings an offer; "Preview removal" opens
//      the refactor preview; Apply removes the line from those files and keeps it in .vn-corpus/config.json.
//
// Usage: node e2e/ui/sites.js <origin> <workspace-folder>   (the folder made by run.sh's make_sites_ws)
//   env E2E_SHOTS, E2E_TIMEOUT_MS as for drive.js. Prints `ok - …` / `not ok - …` and `N passed, N failed`.
'use strict';
const fs = require('fs');
const path = require('path');
const { T, log, norm, shot, test, palette, runDriver } = require('./workbench');

const [origin, folder] = process.argv.slice(2);
if (!origin || !folder) {
  console.error('usage: sites.js <origin> <workspace-folder>');
  process.exit(2);
}
const SHARED = 'Xem thêm chuyên đề Mùa xuân quê hương';

let page;


async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: T });
  await page.locator('#status\\.editor\\.mode', { hasText: 'Vietnamese Article' }).waitFor({ timeout: T });
}

async function gotoLine(line) {
  await palette('View: Focus First Editor Group');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`:${line}:1`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col 1` }).waitFor({ timeout: T });
}

async function untilFile(file, ok, what) {
  const end = Date.now() + T;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (ok(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; ${path.basename(file)}: ${JSON.stringify(text.slice(0, 300))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

runDriver('sites driver', { viewport: { width: 1400, height: 900 }, shotName: (name) => `sites-${name}` }, async (p) => {
  page = p;
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  log('workbench loaded');

  await test('a site page shows "Chrome of site songhong" in the Problems panel', 'chrome-problems', async () => {
    await openFile('songhong-1.txt');
    await palette('View: Focus First Editor Group');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: T });
    const row = panel.locator('.monaco-list-row', { hasText: 'Chrome of site songhong (seen in 4 of its 4 pages)' }).first();
    try {
      await row.waitFor({ timeout: T });
    } catch (e) {
      throw new Error(`Problems panel: "${norm(await panel.innerText()).slice(0, 300)}"`);
    }
    return `${await panel.locator('.monaco-list-row', { hasText: 'Chrome of site songhong' }).count()} site-chrome rows`;
  });

  await test('"Show site profiles" lists the two sites with their pages and chrome', 'profiles-document', async () => {
    await palette('Show site profiles');
    await page.locator('.tabs-container .tab.active', { hasText: 'site-profiles.md' }).waitFor({ timeout: T });
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await page.waitForFunction(() => {
      const el = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const t = el ? el.innerText.replace(/\u00a0/g, ' ') : '';
      return t.includes('## songhong: 4 pages, 14 chrome lines') && t.includes('## mientay: 3 pages, 11 chrome lines');
    }, null, { timeout: T, polling: 200 });
    return norm(await lines.innerText()).split('\n')[0];
  });

  await test('deleting a line found in 2 other files offers to remove it there, with a preview, and keeps the phrase', 'curator', async () => {
    await openFile('x1.txt');
    const text = fs.readFileSync(path.join(folder, 'corpus', 'misc', 'x1.txt'), 'utf8');
    const line = text.split('\n').indexOf(SHARED) + 1;
    await palette('View: Hide Panel');
    await gotoLine(line);
    await page.keyboard.press('Control+Shift+K');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'is also in 2 other files' }).first();
    await toast.waitFor({ state: 'visible', timeout: T });
    // Let the toast finish sliding in, so the screenshot shows it whole.
    await page.waitForFunction(() => [...document.querySelectorAll('.notifications-toasts .notification-toast')]
      .some((t) => t.textContent.includes('is also in 2 other files') && getComputedStyle(t).opacity === '1'), null, { timeout: T, polling: 100 });
    await shot('curator-offer');
    await toast.locator('.monaco-button', { hasText: 'Preview removal in 2 files' }).click();
    const apply = page.locator('.monaco-button', { hasText: /^Apply$/ }).first();
    await apply.waitFor({ state: 'visible', timeout: T });
    await page.locator('.monaco-list-row', { hasText: 'x2.txt' }).first().waitFor({ state: 'visible', timeout: T });
    // Changes that need confirmation start unticked in the refactor preview: tick each file, as a user does.
    for (const name of ['x2.txt', 'x3.txt']) {
      const row = page.locator('.part.panel .monaco-list-row', { hasText: name }).first();
      const box = row.locator('input[type="checkbox"], .monaco-checkbox, [role="checkbox"]').first();
      await box.click();
      await page.waitForFunction((n) => [...document.querySelectorAll('.part.panel .monaco-list-row')].some((r) => r.textContent.includes(n)
        && (r.querySelector('input[type="checkbox"]')?.checked || r.querySelector('[aria-checked="true"], .checked'))), name, { timeout: T, polling: 100 });
    }
    await shot('curator-preview');
    await apply.click();
    const x2 = path.join(folder, 'corpus', 'misc', 'x2.txt');
    await untilFile(x2, (t) => t !== '' && !t.includes(SHARED), 'x2.txt without the line');
    await untilFile(path.join(folder, 'corpus', 'misc', 'x3.txt'), (t) => t !== '' && !t.includes(SHARED), 'x3.txt without the line');
    const config = await untilFile(path.join(folder, '.vn-corpus', 'config.json'), (t) => t.includes(SHARED), 'the phrase in .vn-corpus/config.json');
    return `config.json: ${JSON.stringify(JSON.parse(config).boilerplate.extraPhrases)}`;
  });
});
