import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  addedLines,
  addForeignRoute,
  type BackendApi,
  LandscapeState,
  SANDBOX_ACCOUNTS,
  waitForEntity,
} from '@internal/aws-sandbox';
import {
  expectSucceeded,
  generatedRepo,
  ORDERS_API,
} from '@internal/template-internal-fargate-api';
import { repoRoot } from './backstageProcess';
import { startSandboxBackend, SandboxBackend } from './sandboxBackend';
import { runTask, signInAs } from './scaffolderApi';

const TEMPLATE = 'template:default/internal-fargate-api';

/**
 * The whole product on the sandbox, through the backend's REST API as the app
 * uses it: a task creates the delegation, the routes, the repository and the
 * catalog entries; what it changed is read back from the emulator.
 */
describe('an internal API created end to end on the sandbox', () => {
  let sandbox: SandboxBackend;
  let initial: LandscapeState;

  beforeAll(async () => {
    sandbox = await startSandboxBackend('sandbox-flow');
    initial = await sandbox.state();
  }, 240_000);
  afterAll(() => sandbox?.stop());

  it('delegates the subdomain, routes both ways, publishes the repository and registers it', async () => {
    sandbox.proxy.clear();
    const task = await runTask(sandbox.api, TEMPLATE, ORDERS_API);
    expect({ status: task.status, failure: task.failure }).toEqual({
      status: 'completed',
      failure: undefined,
    });

    const state = await sandbox.state();
    const { orders } = sandbox.landscape.vpcs;
    // DNS: a new zone in the workload account, and the parent delegating to its name servers.
    const childZone =
      state.hostedZones[`${SANDBOX_ACCOUNTS.orders} orders.api.acme.com.`];
    const childNs = childZone.find(line =>
      line.startsWith('orders.api.acme.com. NS '),
    );
    expect(childNs).toBeDefined();
    expect(addedLines(initial.hostedZones, state.hostedZones)).toEqual({
      [`${SANDBOX_ACCOUNTS.dns} acme.com.`]: [childNs],
      [`${SANDBOX_ACCOUNTS.orders} orders.api.acme.com.`]: childZone,
    });
    // Routes: the API's three subnet route tables to the consumer, every consumer route table to the
    // API VPC, and the transit gateway to the API's attachment. The emulator drops targets in another
    // account (no resource sharing), hence '?'.
    expect(addedLines(initial.vpcRoutes, state.vpcRoutes)).toEqual({
      // The private subnets are the ones with a route table of their own.
      orders: orders.subnets
        .filter(subnet => subnet.routeTableId)
        .map(subnet => `${subnet.routeTableId} 10.40.0.0/16 -> ? active`)
        .sort(),
      // Only the table its subnet uses: the main one has no subnet and is left alone.
      customer: sandbox.landscape.vpcs.customer.subnets.map(
        subnet => `${subnet.routeTableId} 10.10.0.0/16 -> ? active`,
      ),
      payments: [],
      partner: [],
    });
    expect(state.transitGatewayRoutes).toEqual(['10.10.0.0/16 active']);
    const writes = sandbox.proxy
      .calls()
      .filter(call => call.write)
      .map(call => call.operation);
    // The routes step sends its writes at once: in no fixed order.
    expect([...writes.slice(0, 2), ...writes.slice(2).sort()]).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
      ...Array(4).fill('CreateRoute'),
      'CreateTransitGatewayRoute',
    ]);

    // The catalog: the Component and the API, owned, linked, annotated, the OpenAPI text read from the repo.
    const component = await waitForEntity(
      sandbox.api,
      'component',
      'orders-api',
    );
    const api = await waitForEntity(sandbox.api, 'api', 'orders-api');
    for (const entity of [component, api]) {
      expect(entity.spec.owner).toBe('group:default/platform-engineering');
      expect(entity.metadata.links).toEqual([
        { url: 'https://orders.api.acme.com', title: 'API endpoint (private)' },
      ]);
      expect(entity.metadata.annotations).toMatchObject({
        'aws.amazon.com/account-id': SANDBOX_ACCOUNTS.orders,
        'aws.amazon.com/region': 'eu-west-1',
        // Who asked: Sam (org/sandbox.yaml), as the suite signs in.
        'internal-api.platform/created-by': 'user:default/sam',
        'backstage.io/source-template': TEMPLATE,
      });
    }
    expect(component.spec.providesApis).toEqual(['orders-api']);
    // What day 2 counts routes and finds the zone by (internal-api-common annotations.ts).
    expect(component.metadata.annotations).toMatchObject({
      'internal-api.platform/vpc-id': orders.vpcId,
      'internal-api.platform/hosted-zone-id': task.output?.text
        .find((entry: { title: string }) => entry.title === 'AWS changes')
        .content.match(/\(zone `([A-Z0-9]+)`/)[1],
      'internal-api.platform/consumers': 'customer-api',
    });
    // The NS change the task did not wait for: the card follows it by this annotation, and the
    // task's output says what "done" means for DNS (moto has every change in sync at once).
    const delegationChange =
      component.metadata.annotations![
        'internal-api.platform/delegation-change'
      ];
    expect(delegationChange).toMatch(/^C[A-Z0-9]+$/);
    expect(
      task.output?.text.find(
        (entry: { title: string }) => entry.title === 'AWS changes',
      ).content,
    ).toContain(
      `Route 53 accepted the delegation (change \`${delegationChange}\`, INSYNC) and has it in sync.`,
    );
    expect(api.spec.definition).toContain('url: "https://orders.api.acme.com"');
    expect(task.output?.links).toEqual([
      {
        title: 'Repository',
        // Served by the backend: git clones it, a browser shows its files.
        url: `${sandbox.backend.baseUrl}/api/local-git/github.com/acme/orders-api.git`,
      },
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: 'component:default/orders-api',
      },
      { title: 'API endpoint (private)', url: 'https://orders.api.acme.com' },
    ]);
    // The task page's "AWS changes" text says which route table was left alone, and why.
    const awsChanges = task.output?.text.find(
      (entry: { title: string }) => entry.title === 'AWS changes',
    ).content;
    const customerMain = initial.vpcRoutes.customer
      .map(line => line.split(' ')[0])
      .find(
        id =>
          !sandbox.landscape.vpcs.customer.subnets.some(
            subnet => subnet.routeTableId === id,
          ),
      );
    expect(awsChanges).toContain(
      `- \`${customerMain}\` left alone: consumer customer-api (${sandbox.landscape.vpcs.customer.vpcId}): no subnet uses it (the main route table; every subnet has its own)`,
    );

    // The repository clones (over HTTP, from the backend), and its own checks pass (inside this repo,
    // to use its node_modules).
    const clone = path.join(
      repoRoot,
      '.artifacts',
      'renders',
      'sandbox-flow-orders-api',
    );
    fs.rmSync(clone, { recursive: true, force: true });
    execFileSync('git', ['clone', '--quiet', task.output!.links[0].url, clone]);
    expect(
      JSON.parse(
        fs.readFileSync(path.join(clone, 'config', 'service.json'), 'utf8'),
      ),
    ).toMatchObject({
      name: 'orders-api',
      consumers: [{ name: 'customer-api', cidr: '10.40.0.0/16' }],
      network: { vpcId: orders.vpcId },
    });
    expectSucceeded(generatedRepo.typecheck(clone));
    expectSucceeded(generatedRepo.test(clone));
    expectSucceeded(generatedRepo.synth(clone));
  }, 300_000);

  it('refuses the domain to another API in the same account, naming the entity that has it', async () => {
    const before = await sandbox.state();
    sandbox.proxy.clear();
    // The same AWS inputs under a new name: the catalog's orders-api Component (registered by the
    // first task) claims the domain, so the read-only check step stops the task before any write.
    const task = await runTask(sandbox.api, TEMPLATE, {
      ...ORDERS_API,
      name: 'orders-api-again',
      repoUrl: 'github.com?owner=acme&repo=orders-api-again',
    });

    expect(task.failure?.stepId).toBe('checkDns');
    expect(task.failure?.messages.join('\n')).toContain(
      "domainName 'orders.api.acme.com' is already used by component:default/orders-api (owner group:default/platform-engineering)",
    );
    expect(sandbox.proxy.calls().filter(call => call.write)).toEqual([]);
    await expect(sandbox.state()).resolves.toEqual(before);
  }, 180_000);

  describe('refuses with a clear message and changes nothing', () => {
    // Ada, a platform admin, may use every account and consumer: these are the checks' refusals.
    let asAda: BackendApi;
    beforeAll(async () => {
      asAda = await signInAs(sandbox.backend.baseUrl, 'ada');
      // Someone routed the API's network to an internet gateway in the partner VPC (its main route
      // table, its only one). The VPCs stay the same, so the backend's landscape needs no update.
      await addForeignRoute(sandbox.moto, sandbox.landscape, {
        vpc: 'partner',
        cidr: '10.10.0.0/16',
      });
    });

    it.each([
      {
        case: 'two subnets in one zone',
        values: {
          ...ORDERS_API,
          name: 'payments-api',
          accountId: SANDBOX_ACCOUNTS.payments,
          domainName: 'payments.api.acme.com',
          repoUrl: 'github.com?owner=acme&repo=payments-api',
        },
        step: 'placement',
        message:
          /more than one subnet in an Availability Zone \(eu-west-1a: subnet-/,
      },
      {
        case: 'a domain outside every parent zone',
        values: {
          ...ORDERS_API,
          name: 'orders-eu',
          domainName: 'orders.example.org',
          repoUrl: 'github.com?owner=acme&repo=orders-eu',
        },
        step: 'checkDns',
        message:
          /'orders\.example\.org' is not under an allowed parent domain: acme\.com/,
      },
      {
        case: 'a consumer whose route leads elsewhere',
        values: {
          ...ORDERS_API,
          name: 'orders-partner',
          domainName: 'orders-partner.api.acme.com',
          consumers: ['partner-api'],
          repoUrl: 'github.com?owner=acme&repo=orders-partner',
        },
        step: 'checkRoutes',
        message: /already routes 10\.10\.0\.0\/16 to igw-/,
      },
      {
        // A new domain, and the repository of the API created above.
        case: 'a repository name that is taken',
        values: {
          ...ORDERS_API,
          name: 'orders-v2',
          domainName: 'orders-v2.api.acme.com',
        },
        step: 'checkRepo',
        message:
          /repoUrl 'github\.com\?owner=acme&repo=orders-api': the repository acme\/orders-api already exists/,
      },
    ])(
      '$case',
      async ({ values, step, message }) => {
        const before = await sandbox.state();
        sandbox.proxy.clear();

        const task = await runTask(asAda, TEMPLATE, values);

        expect(task.status).toBe('failed');
        expect(task.failure?.stepId).toBe(step);
        expect(task.failure?.messages.join('\n')).toMatch(message);
        expect(sandbox.proxy.calls().filter(call => call.write)).toEqual([]);
        await expect(sandbox.state()).resolves.toEqual(before);
        expect(
          fs.existsSync(
            path.join(
              sandbox.gitDirectory,
              'github.com',
              'acme',
              `${values.name}.git`,
            ),
          ),
        ).toBe(false);
      },
      120_000,
    );
  });

  describe('refuses a call past the form by someone without the right, and changes nothing', () => {
    it.each([
      {
        case: "Sam creating in the Payments team's account",
        person: 'sam',
        templateRef: TEMPLATE,
        values: {
          ...ORDERS_API,
          name: 'sams-payments-api',
          accountId: SANDBOX_ACCOUNTS.payments,
          domainName: 'sams-payments.api.acme.com',
          repoUrl: 'github.com?owner=acme&repo=sams-payments-api',
        },
        // The template's first step says who may; the permission policy would refuse the account
        // steps after it anyway (permissionMatrix.test.ts).
        step: 'access',
        message:
          /user:default\/sam may not create internal APIs in account 555566667777 \(Payments \(sandbox\)\): only members of its owners group:default\/payments-team/,
      },
      {
        case: "Pat giving an API the Orders team's consumer customer-api",
        person: 'pat',
        templateRef: TEMPLATE,
        values: {
          ...ORDERS_API,
          name: 'pats-payments-api',
          accountId: SANDBOX_ACCOUNTS.payments,
          // One private subnet in each of two zones (the Payments VPC has two in one zone).
          subnetFilters: [
            { name: 'tag:Tier', values: ['private'] },
            { name: 'cidr-block', values: ['10.20.1.0/24', '10.20.3.0/24'] },
          ],
          domainName: 'pats-payments.api.acme.com',
          consumers: ['customer-api'],
          repoUrl: 'github.com?owner=acme&repo=pats-payments-api',
        },
        step: 'checkRoutes',
        message:
          /user:default\/pat may not add consumer customer-api: only members of its owners group:default\/orders-team/,
      },
      {
        case: "Pat decommissioning orders-api, which is not the Payments team's",
        person: 'pat',
        templateRef: 'template:default/decommission-internal-api',
        values: { entityRef: 'component:default/orders-api' },
        step: 'checkDns',
        message:
          /user:default\/pat may not change or decommission component:default\/orders-api/,
      },
    ])(
      '$case',
      async ({ person, templateRef, values, step, message }) => {
        const before = await sandbox.state();
        sandbox.proxy.clear();

        const task = await runTask(
          await signInAs(sandbox.backend.baseUrl, person),
          templateRef,
          values,
        );

        expect(task.status).toBe('failed');
        expect(task.failure?.stepId).toBe(step);
        expect(task.failure?.messages.join('\n')).toMatch(message);
        expect(sandbox.proxy.calls().filter(call => call.write)).toEqual([]);
        await expect(sandbox.state()).resolves.toEqual(before);
      },
      120_000,
    );
  });

  it('serves the app with a CSP that lets it connect only to its own backend', async () => {
    const response = await fetch(sandbox.backend.baseUrl);
    const csp = response.headers.get('content-security-policy') ?? '';
    const connectSrc = csp
      .split(';')
      .map(directive => directive.trim())
      .find(directive => directive.startsWith('connect-src'));

    expect(connectSrc).toBe("connect-src 'self'");
  });
});
