import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { artifactsDir, buildApp } from './backstageProcess';
import { launchChromium } from './chromium';
import { SandboxBackend, startSandboxBackend } from './sandboxBackend';

/** What a browser test reaches through its suite, set before each test. */
export interface BrowserSuite {
  sandbox: SandboxBackend;
  browser: Browser;
  /** A fresh page for the current test. */
  page: Page;
  /** Saves a full-page screenshot as `.artifacts/e2e/screenshots/<suite>/<shot>.png`. */
  screenshot(shot: string): Promise<unknown>;
  /** Where this suite's screenshots go (emptied when the suite starts). */
  screenshotsDir: string;
}

/**
 * Registers a browser test file's hooks: the app built and served by a real
 * backend on the sandbox (as `npm start` runs it), headless Chromium, a new
 * page of `viewport` for each test, and a screenshot folder of the suite's
 * own, so suites never delete each other's pictures.
 */
export function browserSuite(
  name: string,
  viewport: { width: number; height: number },
): BrowserSuite {
  const screenshotsDir = path.join(artifactsDir, 'screenshots', name);
  const suite = {
    screenshotsDir,
    screenshot: (shot: string) =>
      suite.page.screenshot({
        path: path.join(screenshotsDir, `${shot}.png`),
        fullPage: true,
      }),
  } as BrowserSuite;

  beforeAll(async () => {
    fs.rmSync(screenshotsDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    buildApp();
    suite.sandbox = await startSandboxBackend(name);
    suite.browser = await launchChromium();
  }, 300_000);

  beforeEach(async () => {
    suite.page = await suite.browser.newPage({ viewport });
  });
  afterEach(() => suite.page?.close());

  afterAll(async () => {
    await suite.browser?.close();
    await suite.sandbox?.stop();
  });

  return suite;
}
