import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import {
  findFreeLoopbackPort,
  MotoServer,
  seedLandscape,
  startMotoServer,
} from '@internal/aws-sandbox';
import {
  artifactsDir,
  buildApp,
  RunningBackend,
  startBackend,
} from './backstageProcess';
import { launchChromium } from './chromium';

/**
 * The built app, served by the real backend on loopback, in headless Chromium:
 * a person opening /create finds the template and its form.
 */
describe('the /create page', () => {
  let moto: MotoServer;
  let backend: RunningBackend;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(artifactsDir, { recursive: true });
    buildApp();
    // The backend runs as `npm start` runs it: on the sandbox landscape's derived config, which it
    // validates against the config schemas at startup.
    moto = await startMotoServer();
    const landscape = await seedLandscape(moto);
    backend = await startBackend(
      await findFreeLoopbackPort(),
      landscape.config,
      {
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_REGION: 'eu-west-1',
      },
    );
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await backend?.stop();
    await moto?.stop();
  });

  it('lists the Internal Fargate API template and opens its form without a sign-in wall', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
    });
    await page.goto(`${backend.baseUrl}/create`);
    // Guest sign-in happens without a page of its own: the first thing drawn is the app.
    await page
      .getByRole('link', { name: 'Create' })
      .first()
      .waitFor({ timeout: 30_000 });
    await expect(
      page.getByRole('button', { name: 'Enter' }).count(),
    ).resolves.toBe(0);

    // The catalog ingests file locations a few seconds after start; the page polls for us.
    const card = page
      .locator('article, [class*="MuiCard"]')
      .filter({ hasText: 'Internal Fargate API' })
      .first();
    await card.waitFor({ timeout: 60_000 });
    await page.screenshot({
      path: path.join(artifactsDir, 'create-page.png'),
      fullPage: true,
    });

    await card.getByRole('button', { name: /choose/i }).click();
    await page.getByLabel(/^Name/).first().waitFor({ timeout: 30_000 });
    await page
      .getByText('Owner', { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(artifactsDir, 'template-form.png'),
      fullPage: true,
    });

    expect(page.url()).toContain(
      '/create/templates/default/internal-fargate-api',
    );
    // The form's pages, in the order a person fills them.
    for (const title of [
      'Service',
      'Placement',
      'Network & DNS',
      'Container',
      'Repository',
      'Review',
    ]) {
      await expect(
        page.getByText(title, { exact: true }).first().isVisible(),
      ).resolves.toBe(true);
    }
    await expect(
      page.getByRole('button', { name: 'Next' }).isVisible(),
    ).resolves.toBe(true);
  }, 120_000);
});
