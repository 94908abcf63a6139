#!/usr/bin/env node
// The corpus report in the real workbench (code-server + headless Chromium, the packaged .vsix installed):
// for each workspace, opens an article, checks word wrap and the status bar totals, opens the report from the
// status bar, compares its numbers with `vn-corpus report --format json`, clicks a cited document through to its
// line, and saves screenshots in the dark and the light theme.
//
// Usage: node e2e/report/drive-report.js <origin> <repo root> <workspace>:<article folder>:<file>...
//   A workspace whose folder is absent is skipped with a printed reason.
//   env E2E_SHOTS screenshot dir, E2E_TIMEOUT_MS per-wait timeout (default 30000)
// Prints `ok - ...` / `not ok - ...` and a final `N passed, N failed`. No fixed sleeps: every wait is on a condition.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { T, log, shot, test, palette, runDriver } = require('../ui/workbench');

const [origin, root, ...specs] = process.argv.slice(2);
if (!origin || !root || specs.length === 0) {
  console.error('usage: drive-report.js <origin> <repo root> <workspace>:<article folder>:<file>...');
  process.exit(2);
}
let page;

/** The report page: the innermost webview frame that holds the report's <main>. */
async function reportFrame(state = 'complete') {
  const deadline = Date.now() + T * 2;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const main = await frame.$(`main[data-state="${state}"]`).catch(() => null);
      if (main) return frame;
    }
    await page.waitForTimeout(250); // polling frames: a frame has no event for "selector appeared anywhere"
  }
  throw new Error(`no report frame with main[data-state="${state}"]`);
}

async function runWorkspace(ws, articles, file) {
  const name = path.basename(articles);
  const expected = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bin', 'vn-corpus'), 'report', '--format', 'json', articles], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  await page.goto(`${origin}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  log(`workbench loaded on ${ws}`);

  await test(`${name}: open ${file} and word wrap is on (fresh profile)`, null, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: T });
    await input.fill(file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: T });
    await page.locator('#status\\.editor\\.mode', { hasText: 'Vietnamese Article' }).waitFor({ timeout: T });
    // With wrapping, a long paragraph takes several view lines but one line number.
    const counts = await page.locator('.editor-instance .monaco-editor').first().evaluate((ed) => ({
      views: ed.querySelectorAll('.view-lines .view-line').length,
      numbers: [...ed.querySelectorAll('.line-numbers')].filter((n) => n.textContent.trim() !== '').length,
    }));
    if (!(counts.views > counts.numbers)) throw new Error(`${counts.views} view lines for ${counts.numbers} line numbers: nothing wrapped`);
    return `${counts.views} view lines for ${counts.numbers} numbered lines`;
  });

  // The first theme follows the browser's preference (light here): start from a dark theme so the later switch is real.
  await test(`${name}: switch the workbench to a dark theme`, null, async () => {
    await palette('Preferences: Color Theme', 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: T });
  });

  const status = page.locator('.statusbar-item', { hasText: /files · .* lines · .*% flagged/ });
  await test(`${name}: status bar shows the corpus totals`, null, async () => {
    await status.first().waitFor({ timeout: T * 2 });
    const text = (await status.first().innerText()).replace(/\u202f/g, '').replace(/\s+/g, ' ').trim();
    const m = /(\d+) files · (\d+) lines/u.exec(text);
    if (!m || Number(m[1]) !== expected.totals.files || Number(m[2]) !== expected.totals.lines) throw new Error(`status bar "${text}", CLI ${expected.totals.files} files, ${expected.totals.lines} lines`);
    return text;
  });

  let frame;
  await test(`${name}: the status bar item opens the report, whose numbers equal the CLI's JSON`, null, async () => {
    await status.first().click();
    frame = await reportFrame();
    const got = await frame.evaluate(() => {
      const t = document.getElementById('totals');
      return { ...t.dataset, canvases: document.querySelectorAll('canvas').length, recurring: [...document.querySelectorAll('table.recurring tbody tr')].map((r) => r.cells[0].textContent) };
    });
    const e = expected.totals;
    const want = { files: e.files, lines: e.lines, certain: e.flagged.certain, probable: e.flagged.probable, weak: e.flagged.weak, meetings: e.meetings, references: e.references };
    const diff = Object.entries(want).filter(([k, v]) => Number(got[k]) !== v).map(([k, v]) => `${k}: report ${got[k]}, CLI ${v}`);
    const cliRecurring = expected.groups.flatMap((g) => g.topLines.map((l) => String(l.files)));
    if (got.recurring.join(',') !== cliRecurring.join(',')) diff.push(`recurring line counts: report ${got.recurring.join(',')}, CLI ${cliRecurring.join(',')}`);
    if (diff.length) throw new Error(diff.join('; '));
    if (got.canvases < 2) throw new Error(`only ${got.canvases} charts`);
    const bodyClass = await frame.evaluate(() => document.body.className);
    if (!/vscode-dark/u.test(bodyClass)) throw new Error(`report body class "${bodyClass}" in the dark theme`);
    return Object.entries(want).map(([k, v]) => `${k} ${v}`).join(', ');
  });
  await shot(`report-${name}-dark`);

  /** Waits until the report page shows `want` files (updates are pushed by the server). */
  const waitForFiles = async (want) => {
    const deadline = Date.now() + T * 2;
    let files;
    do {
      frame = await reportFrame();
      files = Number(await frame.evaluate(() => document.getElementById('totals').dataset.files));
      if (files === want) return files;
      await page.waitForTimeout(250); // polling the report page for the pushed update
    } while (Date.now() < deadline);
    throw new Error(`report shows ${files} files, want ${want}`);
  };
  await test(`${name}: the report refreshes when an article is added on disk, and again when it is removed`, null, async () => {
    const added = path.join(articles, 'zz-report-refresh.txt');
    fs.writeFileSync(added, 'Tin mới\n\nHội nghị tổng kết công tác năm.\nDòng thứ hai của bài.\n');
    try {
      await waitForFiles(expected.totals.files + 1);
    } finally {
      fs.rmSync(added, { force: true });
    }
    await waitForFiles(expected.totals.files);
    return `${expected.totals.files + 1} files, then ${expected.totals.files}`;
  });

  await test(`${name}: clicking a cited document opens its file at the line`, null, async () => {
    if (!frame) throw new Error('no report');
    const link = frame.locator('#cited a').first();
    const uri = await link.getAttribute('data-uri');
    const line = Number(await link.getAttribute('data-line'));
    const base = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: T });
    await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line + 1}, Col 1` }).waitFor({ timeout: T });
    return `${base} line ${line + 1}`;
  });
  await shot(`report-${name}-clicked`);

  await test(`${name}: the report follows a switch to the light theme`, null, async () => {
    await palette('Preferences: Color Theme', 'Light Modern');
    await page.locator('.tabs-container .tab', { hasText: 'Corpus report' }).first().click();
    const light = await reportFrame();
    const bodyClass = await light.evaluate(() => { window.scrollTo(0, 0); return document.body.className; });
    if (!/vscode-light/u.test(bodyClass)) throw new Error(`report body class "${bodyClass}"`);
    return bodyClass;
  });
  await shot(`report-${name}-light`);
}

runDriver('report driver', { viewport: { width: 1400, height: 950 } }, async (p) => {
  page = p;
  for (const spec of specs) {
    const [ws, articles, file] = spec.split(':');
    if (!fs.existsSync(articles)) {
      console.log(`skip - ${articles} is absent, so the report is not tested on it`);
      continue;
    }
    await runWorkspace(ws, articles, file);
  }
});
