// Headless Chromium for the browser tests, in a fresh profile that is removed afterwards:
//   await withBrowser(chromium, async (browser) => { ... })

'use strict';

const path = require('path');
const fs = require('fs');
const os = require('os');
const puppeteer = require('puppeteer-core');

async function withBrowser(chromium, work) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vakwijzer-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { withBrowser };
