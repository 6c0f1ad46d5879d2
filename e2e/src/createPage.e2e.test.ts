import type { Page } from 'playwright-core';
import { waitForEntity } from '@internal/aws-sandbox';
import { browserSuite } from './browserSuite';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import type { SandboxBackend } from './sandboxBackend';
import {
  errorBanner,
  fillRepository,
  fillService,
  openForm as openTemplateForm,
  pickAccount,
  reviewRows,
  subnetPreview,
} from './templateForm';

/**
 * The built app, served by the real backend on the sandbox (as `npm start`
 * runs it), in headless Chromium: a person opening /create finds the
 * template, fills its form and gets a repository, routes and a catalog entry.
 */
describe('the /create page', () => {
  const suite = browserSuite('create-page', { width: 1400, height: 1000 });
  let sandbox: SandboxBackend;
  let page: Page;
  beforeEach(() => {
    ({ sandbox, page } = suite);
  });
  const screenshot = suite.screenshot;
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
    // Signed in as Sam already (the suite remembers the sandbox person): the first thing drawn is the app.
    await page
      .getByRole('link', { name: 'Create' })
      .first()
      .waitFor({ timeout: 30_000 });
    await expect(
      page.getByRole('button', { name: 'Enter' }).count(),
    ).resolves.toBe(0);

    // The catalog ingests file locations a few seconds after start; the page polls for us.
    // The card titled so (the Decommission template's card names it in its description).
    const card = page
      .locator('[class*="MuiCard-root"]')
      .filter({ has: page.getByText('Internal Fargate API', { exact: true }) })
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

  const openForm = () => openTemplateForm(page, sandbox.backend.baseUrl);
  const preview = () => subnetPreview(page);

  /** The Repository page, with the given repository name; ends on Review. */
  const fillRepositoryPage = async (repo: string, shotPrefix: string) => {
    await fillRepository(page, repo);
    await next(`${shotPrefix}-5-repository`);
  };

  /** Container and Repository pages, with the given repository name; ends on Review. */
  const fillContainerAndRepository = async (
    repo: string,
    shotPrefix: string,
  ) => {
    await page.getByLabel(/^Container image/).fill(ORDERS_API.image);
    await next(`${shotPrefix}-4-container`);
    await fillRepositoryPage(repo, shotPrefix);
  };

  it("creates an internal API from the README's values, links only to pages that open, and lists it under Owned", async () => {
    const values = ORDERS_API;
    await openForm();
    // As the README says: the owner is the signed-in user's own team (org/sandbox.yaml).
    await fillService(page, values.name, values.description, 'Orders team');
    await next('form-1-service');

    await pickAccount(page, /^Orders \(sandbox\) · 444455556666/);
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
    // What the person picked, not the ids and encodings the steps take.
    for (const picked of [
      'Orders (sandbox) · 444455556666',
      'customer-api (10.40.0.0/16)',
      `acme/${values.name}`,
    ]) {
      await expect(
        page.getByText(picked, { exact: true }).count(),
      ).resolves.toBe(1);
    }
    await screenshot('form-6-review');
    await page.getByRole('button', { name: 'Create' }).click();

    const catalogLink = page.getByRole('link', { name: 'Open in catalog' });
    await catalogLink.waitFor({ timeout: 120_000 });
    await screenshot('task-completed');
    const taskRepositoryUrl = await page
      .getByRole('link', { name: /^Repository/ })
      .first()
      .getAttribute('href');
    expect(taskRepositoryUrl).toBe(
      `${sandbox.backend.baseUrl}/api/local-git/github.com/acme/${values.name}.git`,
    );
    await expect(
      page
        .getByRole('link', { name: /^API endpoint \(private\)/ })
        .first()
        .getAttribute('href'),
    ).resolves.toBe(`https://${values.domainName}`);
    await expect(
      page
        .getByText(`git clone ${sandbox.backend.baseUrl}/api/local-git/`)
        .count(),
    ).resolves.toBe(1);

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
    // The "Internal API" card reads AWS live: the task delegated the domain; nothing is deployed.
    const card = page.locator('.MuiCard-root', { hasText: 'Internal API' });
    await card
      .getByText(/^Delegated from /)
      .first()
      .waitFor({ timeout: 60_000 });
    await card
      .getByText(/^Stack not deployed/)
      .first()
      .waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot('entity-card');
    // Every link of the task page and the entity page opens a page, except the API's own address,
    // which answers only from the consumer networks once deployed (nothing is deployed here).
    const viewSource = page.getByRole('link', { name: /view source/i });
    const sourceUrl = await viewSource.getAttribute('href');
    expect(sourceUrl).toBe(
      `${sandbox.backend.baseUrl}/api/local-git/github.com/acme/${values.name}.git/blob/main/`,
    );
    const pages = await Promise.all(
      [taskRepositoryUrl!, sourceUrl!].map(async url => {
        const response = await fetch(url);
        return { url, status: response.status, html: await response.text() };
      }),
    );
    for (const { status, html } of pages) {
      expect(status).toBe(200);
      expect(html).toContain('catalog-info.yaml');
    }
    // View Source opens a new window; the same page, here.
    await page.goto(sourceUrl!);
    await page.getByText('catalog-info.yaml').first().waitFor();
    await screenshot('repository-source');

    // "Your APIs": the catalog's Owned filter lists it, as owned by the signed-in user's team.
    await page.goto(`${sandbox.backend.baseUrl}/catalog?filters[user]=owned`);
    await page
      .getByRole('link', { name: values.name, exact: true })
      .waitFor({ timeout: 30_000 });
    // The owner column shows the team's title once the catalog has answered for it.
    await page.getByText('Orders team', { exact: true }).first().waitFor();
    await screenshot('catalog-owned');
  }, 240_000);

  it('says what is wrong in words on every page, follows the subnet preview, fixes what was obviously meant and reviews what was picked', async () => {
    // Ada, a platform admin: this walk uses the Payments account, which is not Sam's.
    page = await suite.signInAs('ada');
    await openForm();
    // A name with capitals: the template's sentence, under the field and (after its title) at the top.
    await fillService(page, 'Payments-API', 'Payments for the customer API');
    await page.getByRole('button', { name: 'Next' }).click();
    const badName =
      '"Payments-API" is not a valid name: use 3–40 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit, e.g. orders-api.';
    await page.getByText(badName, { exact: true }).waitFor();
    await expect(errorBanner(page).allTextContents()).resolves.toEqual([
      `'Name' ${badName}`,
    ]);
    await screenshot('fields-1-service-name-refused');
    await page.getByLabel(/^Name/).first().fill('payments-api');
    await next('fields-1-service');

    await pickAccount(page, /^Payments \(sandbox\)/);
    const refusal =
      /more than one subnet in an Availability Zone \(eu-west-1a: subnet-/;
    await preview().getByText(refusal).waitFor();
    await expect(
      preview().getByText('eu-west-1a (more than one subnet)').count(),
    ).resolves.toBe(2);
    // The field says it in the form's words, from the preview, and that Next stays blocked.
    const crowded = await preview()
      .getByRole('row', { name: /^eu-west-1a/ })
      .locator('td:nth-child(2)')
      .allTextContents();
    const twoInOneZone = `The subnet filters match more than one subnet in an Availability Zone (eu-west-1a: ${crowded.join(
      ', ',
    )}). A Network Load Balancer takes one subnet per zone: narrow the filters (e.g. add a subnet-id or tag filter) so each zone keeps one.`;
    await expect(
      preview().getByRole('alert').allTextContents(),
    ).resolves.toEqual([
      twoInOneZone,
      'Next stays blocked until this is fixed.',
    ]);
    await screenshot('fields-2-placement-two-in-one-zone');

    // Next runs the same check and stays on the page, the refusal at the top.
    await page.getByRole('button', { name: 'Next' }).click();
    await errorBanner(page).first().waitFor();
    await expect(errorBanner(page).allTextContents()).resolves.toEqual([
      `'Subnet filters' ${twoInOneZone}`,
    ]);
    await expect(page.getByLabel(/^Domain name/).count()).resolves.toBe(0);
    await screenshot('fields-2-placement-next-blocked');

    // Narrow the filters to one subnet in each zone: the field's message follows the preview at once.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Filter 2').fill('cidr-block');
    await page.getByLabel('Values 2').fill('10.20.1.0/24, 10.20.3.0/24');
    await preview()
      .getByText(
        /^One subnet in each of 2 zones of vpc-[0-9a-f]+ \(10\.20\.0\.0\/16\): the load balancer can use them\.$/,
      )
      .waitFor();
    await expect(preview().getByRole('alert').count()).resolves.toBe(0);
    // The list at the top is Backstage's: it keeps the last Next's errors until Next is pressed again.
    await expect(errorBanner(page).count()).resolves.toBe(1);
    await next('fields-2-placement-fixed');

    // The domain name is lower-cased and trimmed as it is typed.
    await page
      .getByRole('button', { name: 'Use payments-api.acme.com' })
      .waitFor();
    await page.getByLabel(/^Domain name/).fill('Payments-API.ACME.com ');
    await expect(page.getByLabel(/^Domain name/).inputValue()).resolves.toBe(
      'payments-api.acme.com',
    );
    // No consumer: refused with the reason, not created without a word.
    await page.getByRole('button', { name: 'Next' }).click();
    const noConsumer =
      'No consumer network is picked: pick at least one from the list. Only the networks picked here get routes to the API; ask the platform team to add one that is not listed.';
    await page.getByText(noConsumer, { exact: true }).waitFor();
    await expect(errorBanner(page).allTextContents()).resolves.toEqual([
      `'Consumers' ${noConsumer}`,
    ]);
    await screenshot('fields-3-network-no-consumer');
    await page
      .getByRole('checkbox', { name: /^customer-api · 10\.40\.0\.0\/16/ })
      .check();
    await next('fields-3-network');

    // An image without a tag: the sentence, with the value as typed.
    await page.getByLabel(/^Container image/).fill('nginx');
    await page.getByRole('button', { name: 'Next' }).click();
    const noTag =
      '"nginx" is not an image reference with a tag or digest: write registry/repository:tag with the repository in lower case, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2.';
    await page.getByText(noTag, { exact: true }).waitFor();
    await expect(errorBanner(page).allTextContents()).resolves.toEqual([
      `'Container image' ${noTag}`,
    ]);
    await screenshot('fields-4-container-no-tag');
    // A pasted reference with a trailing space is trimmed as it is typed.
    await page.getByLabel(/^Container image/).fill(`${ORDERS_API.image} `);
    await expect(
      page.getByLabel(/^Container image/).inputValue(),
    ).resolves.toBe(ORDERS_API.image);
    await next('fields-4-container');
    await fillRepositoryPage('payments-api', 'fields');

    // Review: what the person picked; the ids, the filters and the repoUrl it replaces are not shown.
    await page.getByRole('button', { name: 'Create' }).waitFor();
    await expect(reviewRows(page)).resolves.toEqual([
      ['Name', 'payments-api'],
      ['Description', 'Payments for the customer API'],
      ['Owner', 'group:default/platform-engineering'],
      ['Region', 'eu-west-1'],
      ['AWS account', 'Payments (sandbox) · 555566667777'],
      [
        'Resolved subnets',
        expect.stringMatching(
          /^eu-west-1a: subnet-[0-9a-f]+ \(10\.20\.1\.0\/24\); eu-west-1b: subnet-[0-9a-f]+ \(10\.20\.3\.0\/24\)$/,
        ),
      ],
      ['Domain name', 'payments-api.acme.com'],
      ['Consumers', 'customer-api (10.40.0.0/16)'],
      ['Container port', '8080'],
      ['CPU units', '512'],
      ['Tasks', '2'],
      ['Health check path', '/health'],
      ['Memory (MiB)', '1024'],
      ['Container image', ORDERS_API.image],
      ['Repository', 'acme/payments-api'],
    ]);
    await screenshot('fields-6-review');
  }, 240_000);

  it('offers each person only the accounts they may create in, and says whom to ask when there is none', async () => {
    // Pat, of the Payments team: the Payments account only.
    page = await suite.signInAs('pat');
    await openForm();
    await fillService(page, 'pats-api', 'An API of the Payments team');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: /^AWS account/ }).click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Payments \(sandbox\)/),
    ]);
    await screenshot('access-1-pat-accounts');
    await page.keyboard.press('Escape');

    // Lee, in no team yet: no account, and the field says who owns which and whom to ask.
    page = await suite.signInAs('lee');
    await openForm();
    await fillService(page, 'lees-api', 'An API of a new joiner');
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByText(
        /^You may not create internal APIs in any workload account\. Orders \(sandbox\) \(444455556666\) is owned by orders-team/,
      )
      .waitFor({ timeout: 30_000 });
    await screenshot('access-2-lee-no-account');
  }, 120_000);
});
