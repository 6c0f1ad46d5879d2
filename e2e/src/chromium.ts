import { chromium, Browser } from 'playwright-core';
import fs from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Playwright cannot download its own browser
 * here; the flags keep Chromium off the (closed) network and let it run as
 * root. Playwright gives every launch a fresh, empty profile of its own.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        '(.ci/run does), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
