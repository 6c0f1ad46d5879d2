import type { Locator, Page } from 'playwright-core';
import path from 'node:path';
import {
  SANDBOX_ACCOUNTS,
  stepLog,
  TaskResult,
  waitForTask,
} from '@internal/aws-sandbox';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import { browserSuite } from './browserSuite';
import type { SandboxBackend } from './sandboxBackend';
import { runTask, signInAs } from './scaffolderApi';

const TEMPLATE = 'template:default/internal-fargate-api';
/** The template's steps that run our actions (the others are Backstage's). */
const OUR_STEPS = [
  'access',
  'placement',
  'checkDns',
  'checkRoutes',
  'checkRepo',
  'dns',
  'routes',
  'report',
];

/**
 * A second API in the Orders VPC, for the partner network (whose routes the
 * Orders API did not add): its task fails at the routes, after the DNS
 * delegation and the publish.
 */
const BILLING_API = {
  ...ORDERS_API,
  name: 'billing-api',
  domainName: 'billing.api.acme.com',
  consumers: ['partner-api'],
  repoUrl: 'github.com?owner=acme&repo=billing-api',
};

/** The texts of the list items under `locator`. */
const items = (locator: Locator) =>
  locator
    .locator('li')
    .evaluateAll(lis =>
      lis.map(li => li.textContent?.trim().replace(/\s+/g, ' ')),
    );

/** The report step's lines, as the REST API gives them to a caller without the page. */
const reportOf = (task: TaskResult) =>
  stepLog(task, 'report')
    // eslint-disable-next-line no-control-regex
    .map(line => line.replace(/^(\x1B\[\d+m)?info(\x1B\[\d+m)?: /, ''));

/**
 * The page a person lands on after Create (/create/tasks/<id>), for a task
 * that completed and one that failed after it wrote to AWS: the built app on
 * the real backend and the sandbox, in headless Chromium at a laptop's width.
 * Tasks are created through the REST API, as the form creates them.
 */
describe('the task page', () => {
  const suite = browserSuite('task-page', { width: 1280, height: 900 });
  let sandbox: SandboxBackend;
  let page: Page;
  beforeEach(() => {
    ({ sandbox, page } = suite);
  });
  const screenshot = suite.screenshot;
  const openTask = (id: string) =>
    page.goto(`${sandbox.backend.baseUrl}/create/tasks/${id}`);
  const card = (title: string) =>
    page
      .locator('.MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

  /**
   * The log lines of our actions' steps that the log viewer cuts at its right
   * edge (it does not wrap). It renders only the rows in view, so the width a
   * row has for text is measured on one of them, and every line of the task
   * (as the REST API gives it) is checked against it.
   */
  const cutLogLines = async (task: TaskResult) => {
    const { available, charWidth } = await page.evaluate(() => {
      // A row: the line number (a link, role row), then the text.
      const number = document.querySelector<HTMLElement>('a[role="row"]')!;
      const row = number.parentElement!;
      const text = number.nextElementSibling as HTMLElement;
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(text).font;
      return {
        available:
          row.getBoundingClientRect().right - text.getBoundingClientRect().left,
        charWidth: context.measureText('0').width,
      };
    });
    return (
      task.events
        .filter(
          event =>
            event.type === 'log' && OUR_STEPS.includes(event.body.stepId ?? ''),
        )
        .flatMap(event =>
          `${(event as any).createdAt} ${event.body.message}`
            // eslint-disable-next-line no-control-regex
            .replace(/\x1B\[\d+m/g, '')
            .split('\n'),
        )
        // What our actions log carries a level; the scaffolder's lines and error stacks do not.
        .filter(line => / info: /.test(line))
        .filter(line => line.length * charWidth > available)
    );
  };

  /** A screenshot of the log viewer, scrolled to the first line holding `text` (the viewer's own search). */
  const logScreenshot = async (name: string, text: string) => {
    await page.getByPlaceholder('Search').fill(text);
    await page.waitForTimeout(300);
    await page
      .locator('div:has(> div > div > a[role="row"])')
      .first()
      .screenshot({ path: path.join(suite.screenshotsDir, `${name}.png`) });
  };

  let completed: TaskResult;

  it('after a completed task, shows the links, what happens next, the clone command and the AWS changes', async () => {
    completed = await runTask(sandbox.api, TEMPLATE, ORDERS_API);
    expect(completed.status).toBe('completed');
    const repository = completed.output!.links[0].url;

    await openTask(completed.id);
    const next = card('What happens next');
    await next.waitFor({ timeout: 60_000 });
    await page
      .getByRole('heading', { name: 'Internal Fargate API', exact: true })
      .waitFor();

    // The links bar: Backstage's buttons (drawn in capitals by CSS), each a link; a screen reader
    // also hears that the external ones open a new window.
    await expect(
      page
        .locator('a:has(.MuiButton-label)')
        .evaluateAll(links =>
          links.map(link => [link.getAttribute('href'), link.textContent]),
        ),
    ).resolves.toEqual([
      [repository, 'Repository, Opens in a new window'],
      ['/catalog/default/component/orders-api', 'Open in catalog'],
      [
        'https://orders.api.acme.com',
        'API endpoint (private), Opens in a new window',
      ],
    ]);

    await expect(items(next)).resolves.toEqual([
      "Deploy. Every push to main runs the repository's .github/workflows/deploy.yml: tests, " +
        `cdk synth, then cdk deploy to account ${SANDBOX_ACCOUNTS.orders} (eu-west-1). ` +
        "The repository's first commit was such a push. A deploy succeeds only once that account " +
        "has the CDK bootstrap and the deploy role, as Deploying in the repository's README says; " +
        'until then the deploy job fails, and you re-run it from GitHub Actions.',
      'Call it. Once deployed, the API answers at https://orders.api.acme.com, ' +
        'from the consumer networks (customer-api) only.',
      'Status. The catalog entry (Open in catalog) shows the API, its owner and its links, ' +
        "and its Internal API card reads the delegation, the stack and each consumer's routes live; " +
        "the card's buttons change the consumers or decommission the API. " +
        "The deploys are in the repository's GitHub Actions runs.",
    ]);
    await expect(card('Clone').locator('code').innerText()).resolves.toBe(
      `git clone ${repository}`,
    );
    await expect(
      card('Clone')
        .getByRole('button', { name: `Copy: git clone ${repository}` })
        .count(),
    ).resolves.toBe(1);
    // The AWS changes are the output's own text, as API callers read it, rendered.
    const changes = await items(card('AWS changes'));
    expect(changes.slice(0, 2)).toEqual([
      `zone orders.api.acme.com in account ${SANDBOX_ACCOUNTS.orders}: created`,
      expect.stringContaining('NS orders.api.acme.com in acme.com (zone '),
    ]);
    const awsChangesText = completed.output!.text.find(
      (text: { title: string }) => text.title === 'AWS changes',
    ).content;
    expect(changes).toEqual(
      awsChangesText
        .split('\n')
        .filter((line: string) => line.startsWith('- '))
        .map((line: string) => line.slice(2).replace(/\*\*|`/g, '')),
    );

    // What "done" means for DNS: accepted by Route 53, in sync on its own (the card shows when).
    await expect(card('AWS changes').innerText()).resolves.toMatch(
      /Route 53 accepted the delegation \(change C[A-Z0-9]+, INSYNC\) and has it in sync\./,
    );

    await screenshot('completed');
    await expect(page.locator('body').innerText()).resolves.not.toMatch(
      /[✅❌]/u,
    );
    await expect(cutLogLines(completed)).resolves.toEqual([]);
    await logScreenshot('completed-log-routes', 'Leaves 1 route table alone');
  }, 240_000);

  it('after a task failed at the routes, says which AWS changes it made, where the repository is, and what to do next', async () => {
    // Forgets the first task's calls: the zone created next is this task's.
    sandbox.proxy.clear();
    // As Ada, an admin: partner-api's owners would have to approve it for Sam.
    const asAda = await signInAs(sandbox.backend.baseUrl, 'ada');
    const created = await asAda.post('/api/scaffolder/v2/tasks', {
      templateRef: TEMPLATE,
      values: BILLING_API,
      secrets: {},
    });
    expect(created.status).toBe(201);
    // The role loses ec2:CreateRoute once the check steps are done (the first write is the zone):
    // the check's dry runs pass, the routes step's first route fails after the DNS and the publish.
    // The proxy runs in this process: polling it every 2 ms is far quicker than the steps in between.
    const deadline = Date.now() + 60_000;
    while (
      !sandbox.proxy.calls().some(c => c.operation === 'CreateHostedZone') &&
      Date.now() < deadline
    ) {
      await new Promise(resolve => setTimeout(resolve, 2));
    }
    sandbox.proxy.deny('CreateRoute');
    const failed = await waitForTask(sandbox.api, created.body.id);
    expect({ status: failed.status, step: failed.failure?.stepId }).toEqual({
      status: 'failed',
      step: 'routes',
    });
    const report = reportOf(failed);
    // The URL is on the line below its label.
    const repository =
      report[
        report.indexOf('Repository published before the failure:') + 1
      ].trim();

    await openTask(failed.id);
    const reportCard = card('AWS changes made before the failure');
    await reportCard.waitFor({ timeout: 60_000 });

    // The error, above the report: the AWS refusal, and that the step itself wrote nothing.
    await expect(
      page.getByText('No route was created before this failure.').count(),
    ).resolves.toBeGreaterThan(0);
    const changes = await items(
      page.getByRole('list', { name: 'AWS changes made before the failure' }),
    );
    expect(changes).toEqual([
      expect.stringContaining(
        `zone billing.api.acme.com in account ${SANDBOX_ACCOUNTS.orders} (`,
      ),
      expect.stringContaining('NS billing.api.acme.com in acme.com (zone '),
    ]);
    // The page shows the lines the REST API gives.
    expect(changes.map(change => `- ${change}`)).toEqual(
      report.filter(line => line.startsWith('- ')).slice(0, 2),
    );
    await expect(
      reportCard
        .getByText(
          "The failed step's own writes, if any, are named in its error above.",
        )
        .count(),
    ).resolves.toBe(1);
    await expect(
      reportCard.getByRole('link', { name: repository }).getAttribute('href'),
    ).resolves.toBe(repository);
    await expect(
      items(page.getByRole('list', { name: 'What to do next' })),
    ).resolves.toEqual([
      'Fix the cause in the error above, then retry this task.',
      'A retry runs every step again; each finds what it did before and repeats no write.',
      'A new task with the same values is refused at the repository check until it is deleted.',
      'To give up instead, follow "Removing the stack" in the repository\'s README.',
      'Platform admins can remove them with Decommission an internal API (failed half-way).',
    ]);
    // The retry the report speaks of is on this page.
    await expect(page.getByTestId('retry-button').isEnabled()).resolves.toBe(
      true,
    );

    await screenshot('failed');
    await expect(page.locator('body').innerText()).resolves.not.toMatch(
      /[✅❌]/u,
    );
    await expect(cutLogLines(failed)).resolves.toEqual([]);
    // The routes step's error, above the report.
    await logScreenshot('failed-log-error', 'Beginning step Add transit');
  }, 240_000);

  it('titles the page "Task" until the template name has loaded, never "Run of"', async () => {
    // Holds the catalog's answer for the template's title until the page has been looked at.
    let release!: () => void;
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    await page.route('**/api/catalog/entities/by-refs*', async route => {
      await held;
      await route.continue();
    });
    await openTask(completed.id);
    await card('What happens next').waitFor({ timeout: 60_000 });
    await expect(
      page.getByRole('heading', { name: 'Task', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(page.getByText('Run of').count()).resolves.toBe(0);
    await screenshot('title-loading');

    release();
    await page
      .getByRole('heading', { name: 'Internal Fargate API', exact: true })
      .waitFor();
  }, 120_000);
});
