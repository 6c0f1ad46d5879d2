import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { waitForEntity } from '@internal/aws-sandbox';
import { artifactsDir, buildApp } from './backstageProcess';
import { launchChromium } from './chromium';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import { SandboxBackend, startSandboxBackend } from './sandboxBackend';

const screenshots = path.join(artifactsDir, 'screenshots');

/**
 * The built app, served by the real backend on the sandbox (as `npm start`
 * runs it), in headless Chromium: a person opening /create finds the
 * template, fills its form and gets a repository, routes and a catalog entry.
 */
describe('the /create page', () => {
  let sandbox: SandboxBackend;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.rmSync(screenshots, { recursive: true, force: true });
    fs.mkdirSync(screenshots, { recursive: true });
    buildApp();
    sandbox = await startSandboxBackend('browser');
    browser = await launchChromium();
  }, 300_000);

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterEach(() => page?.close());

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const screenshot = (name: string) =>
    page.screenshot({
      path: path.join(screenshots, `${name}.png`),
      fullPage: true,
    });
  const next = async (shot: string) => {
    await screenshot(shot);
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  };

  it('lands on the catalog from the root URL, not on a 404 page', async () => {
    await page.goto(`${sandbox.backend.baseUrl}/`);
    await page.waitForURL(/\/catalog(\?|$)/, { timeout: 30_000 });
    // The catalog's own controls: the "Owned" filter (your APIs) and its "Create" button.
    await page.getByText('Owned').first().waitFor({ timeout: 30_000 });
    // The table has loaded once it shows its count.
    await page
      .getByText(/^All Components \(\d+\)/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole('link', { name: 'Create' })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot('root-url');
    await expect(
      page.getByText('Looks like someone dropped the mic!').count(),
    ).resolves.toBe(0);
  });

  it('lists the Internal Fargate API template and opens its form without a sign-in wall', async () => {
    await page.goto(`${sandbox.backend.baseUrl}/create`);
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
    await screenshot('create-page');

    await card.getByRole('button', { name: /choose/i }).click();
    await page.getByLabel(/^Name/).first().waitFor({ timeout: 30_000 });
    await page
      .getByText('Owner', { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });

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

  const openForm = () =>
    page.goto(
      `${sandbox.backend.baseUrl}/create/templates/default/internal-fargate-api`,
    );

  const fillService = async (name: string, description: string) => {
    await page.getByLabel(/^Name/).first().fill(name);
    await page
      .getByLabel(/^Description/)
      .first()
      .fill(description);
    await page
      .getByLabel(/^Owner/)
      .first()
      .fill('platform');
    await page.getByRole('option', { name: 'Platform Engineering' }).click();
  };

  const pickAccount = async (title: RegExp) => {
    await page.getByLabel(/^AWS account/).click();
    await page.getByRole('option', { name: title }).click();
  };

  const preview = () => page.getByRole('region', { name: 'Matching subnets' });

  /** Container and Repository pages, with the given repository name; ends on Review. */
  const fillContainerAndRepository = async (
    repo: string,
    shotPrefix: string,
  ) => {
    await page.getByLabel(/^Container image/).fill(ORDERS_API.image);
    await next(`${shotPrefix}-4-container`);
    await page.getByLabel(/^Owner/).fill('acme');
    // The repository name is an autocomplete: it takes the value when the field is left.
    const repository = page.getByLabel(/^Repository/);
    await repository.pressSequentially(repo);
    await repository.press('Tab');
    await page
      .getByText('Incomplete repository location')
      .waitFor({ state: 'detached' });
    await next(`${shotPrefix}-5-repository`);
  };

  it('creates an internal API from the filled form and links to its repository, catalog entry and URL', async () => {
    const values = ORDERS_API;
    await openForm();
    await fillService(values.name, values.description);
    await next('form-1-service');

    await pickAccount(/^Orders \(sandbox\) · 444455556666/);
    // The region follows the account; the subnet filter (tag:Tier = private) keeps its default.
    await expect(page.getByLabel(/^Region/).inputValue()).resolves.toBe(
      'eu-west-1',
    );
    await preview()
      .getByText(/One subnet in each of 3 zones/)
      .waitFor();
    await next('form-2-placement');

    await page.getByLabel(/^Domain name/).fill(values.domainName);
    await page.getByRole('checkbox', { name: /^customer-api/ }).check();
    await next('form-3-network');

    // An image the tasks could not pull from these subnets (no NAT route) blocks Next, saying why.
    await page.getByLabel(/^Container image/).fill('ghcr.io/acme/orders:1.0.0');
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByText(
        /comes from ghcr\.io, but the API's subnets have no default route/,
      )
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot('form-4-container-refused');
    await fillContainerAndRepository(values.name, 'form');
    await page.getByRole('button', { name: 'Create' }).waitFor();
    await expect(
      page.getByText(values.domainName).count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot('form-6-review');
    await page.getByRole('button', { name: 'Create' }).click();

    const catalogLink = page.getByRole('link', { name: 'Open in catalog' });
    await catalogLink.waitFor({ timeout: 120_000 });
    await screenshot('task-completed');
    await expect(
      page
        .getByRole('link', { name: /^Repository/ })
        .first()
        .getAttribute('href'),
    ).resolves.toBe(
      `file://${sandbox.gitDirectory}/github.com/acme/${values.name}.git`,
    );
    await expect(
      page
        .getByRole('link', { name: /^API endpoint \(private\)/ })
        .first()
        .getAttribute('href'),
    ).resolves.toBe(`https://${values.domainName}`);
    await expect(page.getByText(`git clone file://`).count()).resolves.toBe(1);

    // The catalog processes the registered location in the background and the entity page does not
    // poll, so a person arriving before it is done would see "not found" and reload: wait as they would.
    await waitForEntity(sandbox.api, 'component', values.name);
    await catalogLink.click();
    await page
      .getByText(values.description)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(page.url()).toContain(`/catalog/default/component/${values.name}`);
    await screenshot('catalog-entity');
  }, 240_000);

  it('previews the subnets per zone, blocks two in one zone, and shows the fixed placement on Review', async () => {
    await openForm();
    await fillService('payments-api', 'Payments for the customer API');
    await next('fields-1-service');

    await pickAccount(/^Payments \(sandbox\)/);
    const refusal =
      /more than one subnet in an Availability Zone \(eu-west-1a: subnet-/;
    await preview().getByText(refusal).waitFor();
    await expect(
      preview().getByText('eu-west-1a (more than one subnet)').count(),
    ).resolves.toBe(2);
    await screenshot('fields-2-placement-two-in-one-zone');

    // Next runs the same check and stays on the page, the refusal at the top.
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByText(/^'Subnet filters' subnetFilters match more than one subnet/)
      .waitFor();
    await expect(page.getByLabel(/^Domain name/).count()).resolves.toBe(0);
    await screenshot('fields-2-placement-next-blocked');

    // Narrow the filters to one subnet in each zone.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Filter 2').fill('cidr-block');
    await page.getByLabel('Values 2').fill('10.20.1.0/24, 10.20.3.0/24');
    await preview()
      .getByText(/One subnet in each of 2 zones/)
      .waitFor();
    await expect(preview().getByText(refusal).count()).resolves.toBe(0);
    await next('fields-2-placement-fixed');

    await page
      .getByRole('button', { name: 'Use payments-api.acme.com' })
      .click();
    await expect(page.getByLabel(/^Domain name/).inputValue()).resolves.toBe(
      'payments-api.acme.com',
    );
    await page
      .getByRole('checkbox', { name: /^customer-api · 10\.40\.0\.0\/16/ })
      .check();
    await next('fields-3-network');
    await fillContainerAndRepository('payments-api', 'fields');

    await page.getByRole('button', { name: 'Create' }).waitFor();
    await expect(
      page
        .getByText(
          /^eu-west-1a: subnet-[0-9a-f]+ \(10\.20\.1\.0\/24\); eu-west-1b: subnet-[0-9a-f]+ \(10\.20\.3\.0\/24\)$/,
        )
        .count(),
    ).resolves.toBe(1);
    await screenshot('fields-6-review');
  }, 240_000);
});
