import type { Page } from 'playwright-core';
import { browserSuite } from './browserSuite';
import type { SandboxBackend } from './sandboxBackend';
import { signInAs } from './scaffolderApi';

/**
 * The sandbox's sign-in page in the built app, served by the real backend on
 * the sandbox: the people to choose from, signing in as one of them (their
 * catalog User), a reload that remembers them, and signing out.
 */
describe('the sandbox sign-in page', () => {
  // No one remembered: each page starts at the list of people.
  const suite = browserSuite(
    'sign-in',
    { width: 1400, height: 800 },
    { person: null },
  );
  let sandbox: SandboxBackend;
  let page: Page;
  beforeEach(() => {
    ({ sandbox, page } = suite);
  });

  const signInButtons = () =>
    page.getByRole('button', { name: /^Sign in as / }).allTextContents();

  it('lists the people, signs in as the one chosen, remembers them, and asks again after signing out', async () => {
    await page.goto(`${sandbox.backend.baseUrl}/`);
    await page
      .getByRole('button', { name: 'Sign in as Pat' })
      .waitFor({ timeout: 30_000 });
    await expect(signInButtons()).resolves.toEqual([
      'Sign in as Sam',
      'Sign in as Pat',
      'Sign in as Ada',
      'Sign in as Lee',
    ]);
    await suite.screenshot('people');

    await page.getByRole('button', { name: 'Sign in as Pat' }).click();
    await page.waitForURL(/\/catalog(\?|$)/, { timeout: 30_000 });

    // A reload signs in as Pat again without asking.
    await page.goto(`${sandbox.backend.baseUrl}/settings`);
    await page
      .getByText('Pat — Payments team', { exact: true })
      .waitFor({ timeout: 30_000 });
    await expect(signInButtons()).resolves.toEqual([]);
    await suite.screenshot('settings-as-pat');

    await page.getByRole('button', { name: 'more' }).click();
    await page.getByRole('menuitem', { name: 'Sign Out' }).click();
    await page
      .getByRole('button', { name: 'Sign in as Pat' })
      .waitFor({ timeout: 30_000 });
    await expect(signInButtons()).resolves.toHaveLength(4);
    await suite.screenshot('after-sign-out');
  });

  it('signs in through the API as each listed person, as the tests do with signInAs', async () => {
    for (const person of ['sam', 'pat', 'ada', 'lee']) {
      const api = await signInAs(sandbox.backend.baseUrl, person);
      const { status } = await api.get(
        `/api/catalog/entities/by-name/user/default/${person}`,
      );
      expect(status).toBe(200);
    }
  });

  it('refuses someone the sandbox does not list, saying whom it offers', async () => {
    await expect(signInAs(sandbox.backend.baseUrl, 'mallory')).rejects.toThrow(
      /HTTP 403: 'mallory' is not one of the sandbox's people.*sam, pat, ada, lee/,
    );
  });
});
