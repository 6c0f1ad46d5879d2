import {
  runTask,
  Sandbox,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  DECOMMISSION_TEMPLATE_REF,
  startTaskBackend,
  TEMPLATE_REF,
} from './__testUtils__/taskBackend';
import {
  awsObserver,
  completed,
  outputLines,
  routeLinesOf,
} from './__testUtils__/dayTwo';
import { ORDERS_API } from './ordersApi';
import { templateDir } from './templateFiles';

/** A second API in the Orders VPC: customer-api (shared with orders-api) and partner-api (its own). */
const BILLING_API = {
  ...ORDERS_API,
  name: 'billing-api',
  description: 'Billing for the customer and partner APIs',
  domainName: 'billing.api.acme.com',
  consumers: ['customer-api', 'partner-api'],
  repoUrl: 'github.com?owner=acme&repo=billing-api',
};
/** A creation that fails at publish:github: its zone and NS record exist, nothing else. */
const STOCK_API = {
  ...ORDERS_API,
  name: 'stock-api',
  description: 'Stock for the partner API',
  domainName: 'stock.api.acme.com',
  consumers: ['partner-api'],
  repoUrl: 'github.com?owner=acme&repo=stock-api',
};

/** The cleanup path's values: what the failed creation's form had. */
const cleanupValues = (api: typeof ORDERS_API) => ({
  source: 'half-created',
  accountId: api.accountId,
  region: api.region,
  name: api.name,
  domainName: api.domainName,
  consumers: api.consumers,
});

/**
 * The decommission template's second path, for platform admins: cleaning up
 * after a creation that failed half-way, which has no catalog entity, from
 * its account, name, domain and consumers. Real tasks in a real scaffolder
 * and catalog on the sandbox. orders-api stays in the catalog throughout.
 * billing-api is the state a creation leaves when it fails at its last step
 * (catalog:register): routes and delegation made, no entity; made here by a
 * full creation whose catalog location is then removed. stock-api really
 * fails, at publish:github, after its delegation.
 */
describe('the Decommission template, cleaning up a creation that failed half-way', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTaskBackend>>;

  const { state, takeWrites } = awsObserver(() => sandbox);
  const cleanup = (api: typeof ORDERS_API) =>
    runTask(backend.api, DECOMMISSION_TEMPLATE_REF, cleanupValues(api));
  const inCatalog = async (kind: string, name: string) =>
    (
      await backend.api.get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      )
    ).status === 200;

  beforeAll(async () => {
    sandbox = await startSandbox();
    backend = await startTaskBackend({
      config: sandbox.landscape.config,
      faults: { 'stock-api': 'before' },
    });
    for (const values of [ORDERS_API, BILLING_API]) {
      completed(await runTask(backend.api, TEMPLATE_REF, values), values.name);
      await waitForEntity(backend.api, 'component', values.name, {
        timeoutMs: 30_000,
      });
    }
    // billing-api leaves the catalog as if its creation had failed at catalog:register.
    const { body: location } = await backend.api.get(
      '/api/catalog/locations/by-entity/component/default/billing-api',
    );
    await backend.api.call('DELETE', `/api/catalog/locations/${location.id}`);
    if (await inCatalog('component', 'billing-api')) {
      throw new Error('billing-api is still in the catalog');
    }
    const stock = await runTask(backend.api, TEMPLATE_REF, STOCK_API);
    if (stock.failure?.stepId !== 'publish') {
      throw new Error(`stock-api's creation did not fail at publish`);
    }
    takeWrites();
  }, 240_000);
  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
  });

  it("refuses a domain an API in the catalog has, even under that API's own name, at its first check, changing nothing", async () => {
    const before = await state();

    const refused = await cleanup(ORDERS_API);

    expect(refused.status).toBe('failed');
    expect(refused.failure?.stepId).toBe('checkHalfCreatedDns');
    expect(refused.failure?.messages.join('\n')).toContain(
      "domainName 'orders.api.acme.com' was not undelegated; nothing was changed:\n" +
        '- the catalog lists component:default/orders-api (owner group:default/platform-engineering) ' +
        'with internal-api.platform/domain orders.api.acme.com. A creation that failed half-way has no catalog entity',
    );
    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    expect(await inCatalog('component', 'orders-api')).toBe(true);
  }, 60_000);

  it('dry-runs the cleanup: the plan (its own routes planned, shared ones kept), nothing changed', async () => {
    const before = await state();
    const template = yaml.parse(
      fs.readFileSync(path.join(templateDir, 'decommission.yaml'), 'utf8'),
    );

    const { status, body } = await backend.api.post(
      '/api/scaffolder/v2/dry-run',
      {
        template,
        values: cleanupValues(BILLING_API),
        secrets: {},
        directoryContents: [],
      },
    );

    expect(status).toBe(200);
    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    const lines = outputLines(body.output?.text?.[0]?.content);
    const routes = routeLinesOf(lines);
    expect(routes.some(line => line.endsWith('**planned**'))).toBe(true);
    expect(
      routes.some(line =>
        line.endsWith('**kept** (needed by component:default/orders-api)'),
      ),
    ).toBe(true);
    expect(routes.some(line => line.includes('10.50.0.0/16'))).toBe(true);
    // Every route is planned (partner-api's), kept for orders-api (customer-api's, the gateway's) or absent.
    expect(
      routes.filter(
        line =>
          !line.endsWith('**planned**') &&
          !line.endsWith('**absent**') &&
          !line.endsWith('**kept** (needed by component:default/orders-api)'),
      ),
    ).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^- NS billing\.api\.acme\.com in acme\.com .*: \*\*planned\*\*$/,
        ),
        expect.stringMatching(
          /^- zone billing\.api\.acme\.com in account .*: \*\*planned\*\*$/,
        ),
      ]),
    );
  }, 60_000);

  it('removes the NS record, the zone and the routes no catalog API needs; keeps the ones orders-api needs', async () => {
    const before = await state();
    const task = completed(await cleanup(BILLING_API), 'billing-api cleanup');

    const writes = takeWrites();
    expect(writes.filter(op => op !== 'DeleteRoute')).toEqual([
      'ChangeResourceRecordSets',
      'DeleteHostedZone',
    ]);
    const after = await state();
    // customer-api's routes (both ways) and the gateway's route stay: orders-api needs them.
    expect(before.vpcRoutes.customer.join()).toContain(' 10.10.0.0/16 ');
    expect(after.vpcRoutes.customer).toEqual(before.vpcRoutes.customer);
    expect(before.transitGatewayRoutes).toContain('10.10.0.0/16 active');
    expect(after.transitGatewayRoutes).toEqual(before.transitGatewayRoutes);
    // partner-api's go, both ways: to Orders (10.10/16) in its VPC, to partner (10.50/16) in Orders'.
    // (moto lists no target for a transit gateway route: the destinations tell them apart.)
    const partnerRoutes = (s: typeof before) => [
      ...s.vpcRoutes.partner.filter(route => route.includes(' 10.10.0.0/16 ')),
      ...s.vpcRoutes.orders.filter(route => route.includes(' 10.50.0.0/16 ')),
    ];
    expect(partnerRoutes(before).length).toBeGreaterThanOrEqual(2);
    expect(partnerRoutes(after)).toEqual([]);
    expect(writes.filter(op => op === 'DeleteRoute')).toHaveLength(
      partnerRoutes(before).length,
    );
    const withoutPartner = (routes: string[]) =>
      routes.filter(route => !partnerRoutes(before).includes(route));
    expect(after.vpcRoutes.orders).toEqual(
      withoutPartner(before.vpcRoutes.orders),
    );
    expect(JSON.stringify(after.hostedZones)).not.toMatch(/billing\.api/);
    expect(JSON.stringify(after.hostedZones)).toMatch(/orders\.api\.acme\.com/);

    const lines = outputLines(task.output?.text?.[0]?.content);
    expect(lines[0]).toBe(
      'A creation that failed half-way: **billing-api** (billing.api.acme.com, account 444455556666).',
    );
    expect(
      routeLinesOf(lines).filter(line => line.endsWith('**removed**')).length,
    ).toBe(writes.filter(op => op === 'DeleteRoute').length);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^- NS billing\.api\.acme\.com in acme\.com .*: \*\*removed\*\*$/,
        ),
        expect.stringMatching(
          /^- zone billing\.api\.acme\.com in account .*: \*\*removed\*\*$/,
        ),
        '**Catalog**: no entity to remove (the creation never registered one). A repository it published stays: delete it by hand.',
      ]),
    );
    expect(await inCatalog('component', 'orders-api')).toBe(true);
  }, 60_000);

  it('run again after success: everything absent (or still kept), no AWS write, the task succeeds', async () => {
    const before = await state();
    const task = completed(await cleanup(BILLING_API), 'second cleanup');

    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    const lines = outputLines(task.output?.text?.[0]?.content);
    expect(
      routeLinesOf(lines).filter(
        line =>
          !line.endsWith('**absent**') &&
          !line.endsWith('**kept** (needed by component:default/orders-api)'),
      ),
    ).toEqual([]);
    expect(
      lines.filter(line => line.startsWith('- ') && !line.startsWith('- `')),
    ).toEqual([
      expect.stringMatching(
        /^- NS billing\.api\.acme\.com .*: \*\*absent\*\*$/,
      ),
      expect.stringMatching(
        /^- zone billing\.api\.acme\.com .*: \*\*absent\*\*$/,
      ),
    ]);
  }, 60_000);

  it('cleans up a creation that failed at publish: its NS record and zone; it made no route', async () => {
    const before = await state();
    expect(JSON.stringify(before.hostedZones)).toMatch(/stock\.api\.acme\.com/);

    const task = completed(await cleanup(STOCK_API), 'stock-api cleanup');

    expect(takeWrites()).toEqual([
      'ChangeResourceRecordSets',
      'DeleteHostedZone',
    ]);
    const after = await state();
    expect(after.vpcRoutes).toEqual(before.vpcRoutes);
    expect(JSON.stringify(after.hostedZones)).not.toMatch(/stock\.api/);
    expect(
      routeLinesOf(outputLines(task.output?.text?.[0]?.content)).some(line =>
        line.includes('**removed**'),
      ),
    ).toBe(false);
  }, 60_000);
});
