// Launches Debian's Chromium for the e2e drivers, with the flags a closed-network, root, headless machine needs.
const { chromium } = require('playwright-core');

/** Starts a headless browser; E2E_CHROMIUM overrides the executable. */
function launchChromium() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

module.exports = { launchChromium };
