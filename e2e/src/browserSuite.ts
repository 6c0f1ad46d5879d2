import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { artifactsDir, buildApp } from './backstageProcess';
import { launchChromium } from './chromium';
import { SandboxBackend, startSandboxBackend } from './sandboxBackend';

/**
 * Where the app's sign-in page remembers whom of the sandbox's people to sign
 * in as (packages/app/src/modules/signIn.tsx, SANDBOX_PERSON_STORAGE_KEY).
 */
const SANDBOX_PERSON_STORAGE_KEY = 'sandbox-sign-in:person';

/** What a browser test reaches through its suite, set before each test. */
export interface BrowserSuite {
  sandbox: SandboxBackend;
  browser: Browser;
  /** A fresh page for the current test, signed in as the suite's person (Sam unless told). */
  page: Page;
  /**
   * Replaces `page` with a fresh one that signs in as `person` (e.g. 'pat') when it first
   * loads the app, or, with null, shows the sign-in page's list of people.
   */
  signInAs(person: string | null): Promise<Page>;
  /**
   * Another page, beside `page`, signed in as `person` in a browser context of
   * its own (two people at once); the test closes it.
   */
  openPageAs(person: string | null): Promise<Page>;
  /** Saves a full-page screenshot as `.artifacts/e2e/screenshots/<suite>/<shot>.png`. */
  screenshot(shot: string): Promise<unknown>;
  /** Where this suite's screenshots go (emptied when the suite starts). */
  screenshotsDir: string;
}

/**
 * Registers a browser test file's hooks: the app built and served by a real
 * backend on the sandbox (as `npm start` runs it), headless Chromium, a new
 * page of `viewport` for each test, signed in as `options.person` (default
 * Sam of the Orders team; null for the sign-in page), and a screenshot folder
 * of the suite's own, so suites never delete each other's pictures.
 */
export function browserSuite(
  name: string,
  viewport: { width: number; height: number },
  options: { person?: string | null } = {},
): BrowserSuite {
  const person = options.person === undefined ? 'sam' : options.person;
  const screenshotsDir = path.join(artifactsDir, 'screenshots', name);
  const suite = {
    screenshotsDir,
    screenshot: (shot: string) =>
      suite.page.screenshot({
        path: path.join(screenshotsDir, `${shot}.png`),
        fullPage: true,
      }),
    async openPageAs(chosen: string | null) {
      const page = await suite.browser.newPage({ viewport });
      if (chosen) {
        // As if the person had been chosen on the sign-in page before. Only on the tab's first
        // load of the app, so that a test that signs out then sees the list of people.
        await page.addInitScript(
          ([key, remembered]) => {
            if (sessionStorage.getItem('e2e:remembered')) return;
            sessionStorage.setItem('e2e:remembered', 'yes');
            localStorage.setItem(key, remembered);
          },
          [SANDBOX_PERSON_STORAGE_KEY, chosen],
        );
      }
      return page;
    },
    async signInAs(chosen: string | null) {
      await suite.page?.close();
      suite.page = await suite.openPageAs(chosen);
      return suite.page;
    },
  } as BrowserSuite;

  beforeAll(async () => {
    fs.rmSync(screenshotsDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    buildApp();
    suite.sandbox = await startSandboxBackend(name);
    suite.browser = await launchChromium();
  }, 300_000);

  beforeEach(() => suite.signInAs(person));
  afterEach(() => suite.page?.close());

  afterAll(async () => {
    await suite.browser?.close();
    await suite.sandbox?.stop();
  });

  return suite;
}
