import type { Locator, Page } from 'playwright-core';
import path from 'node:path';
import {
  addedLines,
  addForeignRoute,
  LandscapeState,
  waitForEntity,
} from '@internal/aws-sandbox';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import { browserSuite } from './browserSuite';
import { policyCoverageFailures } from './policyCoverage';
import type { SandboxBackend } from './sandboxBackend';
import { runTask } from './scaffolderApi';

const ENTITY_PATH = '/catalog/default/component/orders-api';

/** The texts of the list items under `locator`, white space collapsed. */
const items = (locator: Locator) =>
  locator
    .locator('li')
    .evaluateAll(lis =>
      lis.map(li => (li.textContent ?? '').trim().replace(/\s+/g, ' ')),
    );

/**
 * Day 2 of an internal API as its owner lives it, in the built app on the
 * real backend and the sandbox: from the API's catalog page, the Internal API
 * card opens "Change consumers" (a pull request), the person merges it on the
 * sandbox's pull request page, the card follows, and "Decommission" removes
 * everything the creation made. The API itself is created through the REST
 * API: the create page's own walk is createPage.e2e.test.ts.
 *
 * The tests run in order, each on what the one before left.
 */
describe('day 2 of an internal API, from its catalog page', () => {
  const suite = browserSuite('day-two', { width: 1400, height: 1000 });
  let sandbox: SandboxBackend;
  let page: Page;
  beforeEach(() => {
    ({ sandbox, page } = suite);
  });
  const screenshot = suite.screenshot;
  const card = (title: string) =>
    page
      .locator('.MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  // InfoCard draws its title in a span, not a heading (the task page's output cards use headings).
  const apiCard = () =>
    page.locator('.MuiCard-root').filter({
      has: page.locator('.MuiCardHeader-title', { hasText: /^Internal API$/ }),
    });
  /** The card alone: a full-page shot of a long entity page draws the fixed sidebar mid-page. */
  const cardScreenshot = (shot: string) =>
    apiCard().screenshot({
      path: path.join(suite.screenshotsDir, `${shot}.png`),
    });
  /** The consumers the card's route table lists, each once. */
  const cardConsumers = async () =>
    [
      ...new Set(
        await apiCard()
          .getByRole('table', { name: 'Consumer routes' })
          .locator('tbody tr td:first-child')
          .allTextContents(),
      ),
    ].sort();
  /** The CIDRs of the landscape's VPCs, for route lines. */
  const cidr = (vpc: 'orders' | 'customer' | 'partner') =>
    sandbox.landscape.vpcs[vpc].cidr;

  let beforeCreate: LandscapeState;
  let pullRequestUrl: string;

  it('shows the Internal API card, and Change consumers adds partner-api through a pull request', async () => {
    // The partner team's own route to a prefix list of theirs (as shared services are often
    // routed): the route planning reads its entries and leaves it alone.
    await addForeignRoute(sandbox.moto, sandbox.landscape, {
      vpc: 'partner',
      prefixList: ['192.168.0.0/16'],
    });
    beforeCreate = await sandbox.state();
    // Owned by the signed-in user's team, as the README's walk creates it.
    const created = await runTask(
      sandbox.api,
      'template:default/internal-fargate-api',
      {
        ...ORDERS_API,
        owner: 'group:default/orders-team',
      },
    );
    expect(created.status).toBe('completed');
    await waitForEntity(sandbox.api, 'component', 'orders-api');

    await page.goto(`${sandbox.backend.baseUrl}${ENTITY_PATH}`);
    await apiCard()
      .getByText('Delegated from acme.com')
      .waitFor({ timeout: 60_000 });
    await apiCard()
      .getByText(/^Stack not deployed/)
      .waitFor();
    await expect(cardConsumers()).resolves.toEqual([
      `customer-api (${cidr('customer')})`,
    ]);
    await cardScreenshot('1-card');

    await apiCard().getByRole('button', { name: 'Change consumers' }).click();
    await page
      .getByRole('heading', { name: 'Change the consumers of an internal API' })
      .waitFor({ timeout: 30_000 });
    // The form opens on this API with its current consumers ticked, and says which they are.
    const customer = page.getByRole('checkbox', { name: /^customer-api/ });
    const partner = page.getByRole('checkbox', { name: /^partner-api/ });
    await page
      .getByText('Currently: customer-api.')
      .waitFor({ timeout: 30_000 });
    await expect(customer.isChecked()).resolves.toBe(true);
    await expect(partner.isChecked()).resolves.toBe(false);
    await expect(
      page.getByRole('textbox', { name: /^Internal API/ }).inputValue(),
    ).resolves.toMatch(/orders-api/);
    await screenshot('2-change-form');

    await partner.check();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).waitFor();
    await expect(page.locator('table').innerText()).resolves.toMatch(
      /customer-api.*partner-api/s,
    );
    await screenshot('3-change-review');

    const beforeChange = await sandbox.state();
    await page.getByRole('button', { name: 'Create' }).click();
    // partner-api is the Payments team's, and its config says `approval: required`: Sam's task
    // stops before any change, with the link to the approval page.
    const stopped = page.getByText(
      /needs the approval of a member of group:default\/payments-team/,
    );
    await stopped.first().waitFor({ timeout: 120_000 });
    await screenshot('3a-change-waits-for-approval');
    const approvalUrl = await page
      .getByRole('link', { name: /\/internal-api\/approvals\// })
      .first()
      .getAttribute('href');
    expect(approvalUrl).toMatch(
      new RegExp(`^${sandbox.backend.baseUrl}/internal-api/approvals/[\\w-]+$`),
    );
    await expect(sandbox.state()).resolves.toEqual(beforeChange);

    // Pat, of the Payments team, opens the link and approves.
    const patPage = await suite.openPageAs('pat');
    try {
      await patPage.goto(approvalUrl!);
      await patPage
        .getByText(/asks to let consumer partner-api reach/)
        .waitFor({ timeout: 30_000 });
      await patPage.screenshot({
        path: path.join(suite.screenshotsDir, '3b-approval-page.png'),
        fullPage: true,
      });
      await patPage.getByRole('button', { name: 'Approve' }).click();
      await patPage.getByText(/can now press Retry/).waitFor();
      await patPage.screenshot({
        path: path.join(suite.screenshotsDir, '3c-approved.png'),
        fullPage: true,
      });
    } finally {
      await patPage.close();
    }

    // Sam retries the task; it starts over and now adds partner-api.
    sandbox.proxy.clear();
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    const pullRequestLink = page.getByRole('link', { name: /^Pull request/ });
    await pullRequestLink.waitFor({ timeout: 120_000 });
    pullRequestUrl = (await pullRequestLink.getAttribute('href'))!;
    expect(pullRequestUrl).toBe(
      `${sandbox.backend.baseUrl}/api/local-git/github.com/acme/orders-api.git/pull/1`,
    );

    // What the page says was added is what AWS now holds, and nothing was removed.
    const routeChanges = card('Route changes');
    await routeChanges.waitFor();
    const lines = await items(routeChanges);
    const added = addedLines(
      beforeChange.vpcRoutes,
      (await sandbox.state()).vpcRoutes,
    );
    const removed = addedLines(
      (await sandbox.state()).vpcRoutes,
      beforeChange.vpcRoutes,
    );
    expect(Object.values(removed).flat()).toEqual([]);
    expect(added.customer).toEqual([]);
    // The Orders subnets' route tables to partner-api, and partner-api's table back to Orders.
    expect(added.orders.map(line => line.split(' ')[1])).toEqual(
      added.orders.map(() => cidr('partner')),
    );
    expect(added.partner.map(line => line.split(' ')[1])).toEqual(
      added.partner.map(() => cidr('orders')),
    );
    // "created" exactly where AWS gained a route (table and destination); the step registers
    // every consumer, so customer-api's routes and the transit gateway's are listed as already there.
    const tableAndCidr = (line: string) =>
      line.replace(/^(\S+) \(account \d+\): (\S+) → .*$/, '$1 $2');
    expect(
      lines
        .filter(line => line.endsWith(': created'))
        .map(tableAndCidr)
        .sort(),
    ).toEqual(
      [...added.orders, ...added.partner]
        .map(line => line.split(' ').slice(0, 2).join(' '))
        .sort(),
    );
    expect(added.orders.length + added.partner.length).toBeGreaterThanOrEqual(
      4,
    );
    // Every other route line is under "Already there", without a status.
    expect(
      lines.filter(
        line => /: [a-z-]+$/.test(line) && !line.endsWith(': created'),
      ),
    ).toEqual([]);
    await expect(
      routeChanges.getByText(/^Already there/).count(),
    ).resolves.toBe(1);
    await expect(
      routeChanges.getByText(/^Removed \(none\)/).count(),
    ).resolves.toBe(1);
    await screenshot('4-change-task');
  }, 240_000);

  it('merges the pull request on its page, and the card lists partner-api once the catalog has read it', async () => {
    await page.goto(pullRequestUrl);
    await page
      .getByRole('heading', {
        name: '#1 Consumers of orders-api: customer-api, partner-api',
      })
      .waitFor();
    // The pull request page is plain HTML: its rendered text, as a person reads it.
    await expect(page.locator('body').innerText()).resolves.toMatch(
      /\nOpen: internal-api\/consumers → main, opened at /,
    );
    // The change: the config's consumer list and the catalog annotation.
    const changes = page.locator('pre').last();
    await expect(changes.innerText()).resolves.toMatch(
      /\+\s*internal-api\.platform\/consumers: "customer-api,partner-api"/,
    );
    await expect(changes.innerText()).resolves.toContain(
      '"name": "partner-api"',
    );
    await screenshot('5-pull-request-open');

    await page.getByRole('button', { name: 'Merge' }).click();
    // The page's text starts with a line break: no ^ anchor.
    // The merge answers with a redirect to this page, now saying merged.
    await page.waitForFunction(
      source => new RegExp(source).test(document.body.innerText),
      /\nMerged into main at \S+ as commit [0-9a-f]{40}\./.source,
    );
    await screenshot('6-pull-request-merged');
    await expect(
      page.getByRole('button', { name: 'Merge' }).count(),
    ).resolves.toBe(0);

    // The catalog reads the repository again when asked: the About card's refresh, then a reload,
    // as a person would until the card follows.
    await page.goto(`${sandbox.backend.baseUrl}${ENTITY_PATH}`);
    await apiCard()
      .getByText('Delegated from acme.com')
      .waitFor({ timeout: 60_000 });
    await page.getByTitle('Schedule entity refresh').click();
    const deadline = Date.now() + 60_000;
    while ((await cardConsumers()).length < 2 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.reload();
      await apiCard()
        .getByRole('table', { name: 'Consumer routes' })
        .waitFor({ timeout: 30_000 });
    }
    await expect(cardConsumers()).resolves.toEqual([
      `customer-api (${cidr('customer')})`,
      `partner-api (${cidr('partner')})`,
    ]);
    // Every consumer route the card reads is there: no drift after the change.
    await expect(
      apiCard()
        .getByText(/drifted$/)
        .count(),
    ).resolves.toBe(0);
    await cardScreenshot('7-card-after-merge');
  }, 180_000);

  it('decommissions it from the card: routes, delegation and zone removed, the entity gone', async () => {
    await page.goto(`${sandbox.backend.baseUrl}${ENTITY_PATH}`);
    await apiCard().getByRole('button', { name: 'Decommission' }).click();
    await page
      .getByRole('heading', { name: 'Decommission an internal API' })
      .waitFor({ timeout: 30_000 });
    // Sam is not a platform admin: the policy hides the half-created cleanup, so the form opens
    // on the API page, with no choice of what to decommission.
    // The picker takes the prefilled API once the catalog has answered.
    await page
      .getByRole('textbox', { name: /^Internal API/ })
      .and(page.locator('[value="component:default/orders-api"]'))
      .waitFor();
    await expect(
      page.getByRole('radio', { name: 'An API in the catalog' }).count(),
    ).resolves.toBe(0);
    await screenshot('8-decommission-form');
    await page.getByRole('button', { name: 'Review' }).click();
    const beforeDecommission = await sandbox.state();
    await page.getByRole('button', { name: 'Create' }).click();

    const removedCard = card('What was removed');
    await removedCard.waitFor({ timeout: 120_000 });
    const lines = await items(removedCard);
    await screenshot('9-decommission-task');

    // AWS is back to what it was before the API was created.
    const after = await sandbox.state();
    expect(after).toEqual(beforeCreate);
    // The page says "removed" for exactly the route tables that lost a route (both consumers'
    // and the API's side) and for the transit gateway's route; any other table it looked at
    // had none ("absent").
    const goneTables = Object.values(
      addedLines(after.vpcRoutes, beforeDecommission.vpcRoutes),
    )
      .flat()
      .map(line => line.split(' ')[0]);
    const routeLines = lines.filter(line => / → /.test(line));
    const tableOf = (line: string) => line.split(' ')[0];
    expect(
      routeLines
        .filter(line => line.endsWith(': removed'))
        .map(tableOf)
        .filter(table => table.startsWith('rtb-'))
        .sort(),
    ).toEqual(goneTables.sort());
    expect(goneTables.length).toBeGreaterThanOrEqual(5);
    expect(
      routeLines.filter(line => tableOf(line).startsWith('tgw-rtb-')),
    ).toEqual([expect.stringContaining(`: ${cidr('orders')} → tgw-attach-`)]);
    expect(
      routeLines.filter(
        line => !line.endsWith(': removed') && !line.endsWith(': absent'),
      ),
    ).toEqual([]);
    expect(lines.filter(line => !/ → /.test(line))).toEqual([
      expect.stringMatching(
        /^NS orders\.api\.acme\.com in acme\.com .*: removed$/,
      ),
      expect.stringMatching(
        /^zone orders\.api\.acme\.com in account .*: removed$/,
      ),
    ]);
    await expect(
      removedCard
        .getByText(
          /^Catalog: (api:default\/orders-api, component|component:default\/orders-api, api):default\/orders-api: removed$/,
        )
        .count(),
    ).resolves.toBe(1);

    // The catalog no longer has it: the entity page says so.
    const entity = await sandbox.api.get(
      '/api/catalog/entities/by-name/component/default/orders-api',
    );
    expect(entity.status).toBe(404);
    await page.goto(`${sandbox.backend.baseUrl}${ENTITY_PATH}`);
    await page
      .getByText(
        /There is no component with the requested kind, namespace, and name/i,
      )
      .waitFor({ timeout: 30_000 });
    await screenshot('10-entity-gone');
  }, 240_000);

  // Every AWS call of this suite (create, status reads, change consumers, decommission) went
  // through the proxy, which logged who signed it and its parameters. Judged by the roles the
  // aws-roles app synthesizes for this landscape: nothing denied, and no statement unused.
  it('made only calls the AWS roles as code allow, and used every statement they grant', async () => {
    const requests = sandbox.proxy.requests();
    const { failures, evaluated } = await policyCoverageFailures(
      sandbox.moto,
      sandbox.landscape,
      requests,
    );
    expect(failures).toEqual([]);
    expect(evaluated).toBeGreaterThan(50);
    // The writes a policy could deny were among them.
    expect(
      new Set(requests.filter(r => r.write).map(r => r.operation)),
    ).toEqual(
      new Set([
        'CreateHostedZone',
        'ChangeResourceRecordSets',
        'CreateRoute',
        'CreateTransitGatewayRoute',
        'DeleteRoute',
        'DeleteTransitGatewayRoute',
        'DeleteHostedZone',
      ]),
    );
  }, 60_000);
});
