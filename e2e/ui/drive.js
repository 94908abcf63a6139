#!/usr/bin/env node
// Drives the real VS Code workbench served by code-server in headless Chromium
// (playwright-core) with the packaged vn-news-corpus .vsix installed.
//
// Usage: node e2e/ui/drive.js <origin> <workspace-folder>
//   env E2E_SHOTS   screenshot dir (default /tmp/vn-corpus-e2e/shots)
//       E2E_CHROMIUM  browser binary (default /usr/bin/chromium)
//       E2E_TIMEOUT_MS  per-wait timeout (default 30000)
// Prints `ok - ...` / `not ok - ...` per test and a final `N passed, N failed`.
// Every wait is on a DOM condition with a timeout; there are no fixed sleeps.
'use strict';
const fs = require('fs');
const path = require('path');
const { T, log, norm, shot, test, palette, runDriver } = require('./workbench');

const [origin, folder] = process.argv.slice(2);
if (!origin || !folder) {
  console.error('usage: drive.js <origin> <workspace-folder>');
  process.exit(2);
}
const FILE_REL = 'seeds/002_cc6c1fb2d5522765.txt';
const FILE_NAME = path.basename(FILE_REL);

// Position of "Chỉ thị 05" on line 12, computed from the file (VS Code columns are
// UTF-16 based and 1-based, like JS string indices + 1).
const seedText = fs.readFileSync(path.join(folder, FILE_REL), 'utf8');
const line12 = seedText.split(/\r?\n/)[11] || '';
const refIdx = line12.indexOf('Chỉ thị 05');

let page;
let shotNo = 0;


async function focusEditor() {
  // Keyboard focus through the workbench command, not a click: panels (Problems, Outline) may cover the text.
  await palette('View: Focus First Editor Group');
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'attached', timeout: T });
}

async function gotoPos(line, col) {
  await focusEditor();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${col}` })
    .waitFor({ timeout: T });
}

async function editorText() {
  return norm(await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
}

runDriver('UI driver', { viewport: { width: 1400, height: 900 }, shotName: (name) => `${String(++shotNo).padStart(2, '0')}-${name}` }, async (p) => {
  page = p;
  page.on('pageerror', (e) => log('pageerror:', e.message.split('\n')[0]));

  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  log('workbench loaded');

  // ---- open the seed via Quick Open (fallback: explorer) ---------------------
  await test(`open ${FILE_REL} via Quick Open`, 'open', async () => {
    const tab = page.locator('.tabs-container .tab.active', { hasText: FILE_NAME });
    let how = 'Quick Open';
    try {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(FILE_NAME);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE_NAME }).first()
        .waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await tab.waitFor({ timeout: 10000 });
    } catch (e) {
      how = `explorer (Quick Open failed: ${e.message.split('\n')[0]})`;
      await page.keyboard.press('Escape');
      const seeds = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^seeds$/ });
      if (await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE_NAME }).count() === 0) {
        await seeds.first().click();
      }
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE_NAME }).first().click();
      await tab.waitFor({ timeout: T });
    }
    await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ timeout: T });
    return how;
  });

  // ---- 1. language mode ----------------------------------------------------
  await test('status bar language mode is "Vietnamese Article"', 'language-mode', async () => {
    const mode = page.locator('#status\\.editor\\.mode');
    try {
      // "Plain Text" shows briefly first; wait for the label, don't read it once.
      await page.locator('#status\\.editor\\.mode', { hasText: 'Vietnamese Article' }).waitFor({ timeout: T });
    } catch (e) {
      throw new Error(`status bar shows "${(await mode.innerText().catch(() => '?')).trim()}"`);
    }
  });

  // ---- 2. warning squiggle ---------------------------------------------------
  await test('a warning squiggle appears in the editor', 'squiggle', async () => {
    try {
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'attached', timeout: T });
    } catch (e) {
      const other = await page.locator('.editor-instance [class*="squiggly-"]').evaluateAll(
        (els) => els.map((el) => el.className).join(', '));
      throw new Error(`no .squiggly-warning; other squiggles: ${other || 'none'}`);
    }
    return `${await page.locator('.editor-instance .squiggly-warning').count()} warning decorations`;
  });

  // ---- 3. Problems panel --------------------------------------------------
  await test('Problems panel (Ctrl+Shift+M) lists a vn-corpus diagnostic', 'problems', async () => {
    await focusEditor();
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: T });
    const row = panel.locator('.monaco-list-row', { hasText: 'vn-corpus' }).first();
    try {
      await row.waitFor({ timeout: T });
    } catch (e) {
      throw new Error(`Problems panel: "${norm(await panel.innerText()).slice(0, 300)}"`);
    }
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    rows.slice(0, 8).forEach((r) => log('  problem:', norm(r).replace(/\s+/g, ' ').slice(0, 160)));
    return `${rows.length} rows`;
  });

  // ---- 4. hover on "Chỉ thị 05" ---------------------------------------------
  await test('hover over "Chỉ thị 05" (line 12) shows 05-CT/TW', 'hover', async () => {
    if (refIdx < 0) throw new Error('"Chỉ thị 05" not found on line 12 of the seed');
    await gotoPos(12, refIdx + 2);
    // editor.action.showHover (Ctrl+K Ctrl+I) at the cursor: no mouse geometry needed.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible', { hasText: '05-CT/TW' }).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: T });
    } catch (e) {
      const any = await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => []);
      throw new Error(`no hover with 05-CT/TW; visible hovers: ${JSON.stringify(any.map(norm)).slice(0, 300)}`);
    }
    return norm(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
  });

  // ---- 5. Outline -----------------------------------------------------------
  await test('Outline view lists symbols including an Event', 'outline', async () => {
    await page.keyboard.press('Escape');
    await palette('Focus on Outline View');
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: T });
    const evt = page.locator('.outline-pane .monaco-list-row:has(.codicon-symbol-event)');
    let evtCount = 0;
    try {
      await evt.first().waitFor({ state: 'visible', timeout: 10000 });
      evtCount = await evt.count();
    } catch (e) { /* reported below */ }
    const names = (await rows.allInnerTexts()).map((s) => norm(s).replace(/\s+/g, ' ').trim());
    names.slice(0, 12).forEach((n) => log('  outline:', n.slice(0, 120)));
    const evtNames = evtCount ? (await evt.allInnerTexts()).map((s) => norm(s).trim()) : [];
    if (!evtCount) throw new Error(`${names.length} rows, none with an Event icon`);
    const meeting = evtNames.find((n) => /hội nghị|họp|hội thảo|đại hội/i.test(n));
    return `${names.length} rows, ${evtCount} Event; ${meeting ? `meeting: "${meeting.slice(0, 60)}"` : 'no event named like a meeting'}`;
  });

  // ---- 5b. Meetings view in the Explorer -------------------------------------
  await test('Meetings view lists the corpus meetings by year and province', 'meetings-view', async () => {
    await page.keyboard.press('Escape');
    await palette('Focus on Meetings View');
    // The rows of the pane whose header reads "Meetings" (other panes, like the Outline, also have rows).
    const meetingRows = () => {
      const header = [...document.querySelectorAll('.pane-header')].find((h) => /^\s*meetings\s*$/i.test(h.querySelector('h3')?.textContent || ''));
      const pane = header && header.closest('.pane');
      return pane ? [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.innerText) : [];
    };
    // A meeting row's description is its date, then the year's evidence when the text omits the year.
    await page.waitForFunction(`(${meetingRows})().some((t) => /2020-12-\\d\\d( · |$)/.test(t.replace(/\\s+/g, ' ').trim()))`, null, { timeout: T, polling: 200 });
    const texts = (await page.evaluate(meetingRows)).map((t) => norm(t).replace(/\s+/g, ' ').trim());
    // A year group ("2020", with its count), a province group, and a meeting with its ISO date.
    const ok = texts.some((t) => /^2020/.test(t)) && texts.some((t) => /^(Thái Nguyên|Sóc Trăng|Hà Nam|Sơn La)\d/.test(t)) && texts.some((t) => /2020-12-\d\d( · |$)/.test(t));
    if (!ok) throw new Error(`rows: ${JSON.stringify(texts.slice(0, 12))}`);
    return `${texts.length} rows, e.g. ${JSON.stringify(texts.slice(0, 3))}`;
  });

  // ---- 6. fix-all (separate test; may fail independently) -------------------
  await test('Fix All (source.fixAll.vn-corpus) removes "Lượt xem: 270"', 'fix-all', async () => {
    // Reopen the seed through Quick Open, which also puts the keyboard focus in its editor.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget .quick-input-box input');
    await quick.waitFor({ state: 'visible', timeout: T });
    await quick.fill(FILE_NAME);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE_NAME }).first().waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
    await focusEditor();
    await page.keyboard.press('Control+Home');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 1, Col 1' }).waitFor({ timeout: T });
    const before = await editorText();
    if (!before.includes('Lượt xem: 270')) throw new Error('precondition: "Lượt xem: 270" not visible before fix-all');
    const gone = async (ms) => {
      try {
        await page.waitForFunction(() => {
          const el = document.querySelector('.editor-instance .monaco-editor .view-lines');
          const t = el ? el.innerText.replace(/\u00a0/g, ' ') : '';
          return t.includes('Ban Tuyên giáo') && !t.includes('Lượt xem: 270');
        }, null, { timeout: ms, polling: 100 });
        return true;
      } catch (e) { return false; }
    };
    // a) "Fix All" = editor.action.fixAll, which runs source.fixAll code actions.
    await palette('Fix All');
    if (await gone(10000)) return 'via "Fix All"';
    const notes = await page.locator('.notifications-toasts, .monaco-editor .monaco-editor-overlaymessage').allInnerTexts().catch(() => []);
    log('  Fix All did not remove it;', JSON.stringify(notes.map(norm)).slice(0, 200));
    // b) "Source Action..." and pick the vn-corpus fix-all entry.
    await focusEditor();
    await palette('Source Action...');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: /boilerplate|fix all|vn-corpus/i }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 10000 });
    } catch (e) {
      const items = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
      const msg = await page.locator('.monaco-editor-overlaymessage').allInnerTexts().catch(() => []);
      await page.keyboard.press('Escape');
      throw new Error(`no fix-all code action offered; Source Action items: ${JSON.stringify(items)}; message: ${JSON.stringify(msg)}`);
    }
    log('  source action:', norm(await item.innerText()));
    await item.click();
    if (await gone(10000)) return 'via "Source Action..."';
    throw new Error('"Lượt xem: 270" still in the editor after the fix-all action');
  });
});
