import {
  addedLines,
  addStackRecordByHand,
  landscapeState,
  runTask,
  Sandbox,
  startSandbox,
  TaskResult,
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
  INVOICES_API,
  outputLines,
} from './__testUtils__/dayTwo';
import { ORDERS_API } from './ordersApi';
import { templateDir } from './templateFiles';

/** The task's "What was removed" text, a line per item, blank lines left out. */
const removedText = (task: Pick<TaskResult, 'output'>): string[] =>
  outputLines(task.output?.text?.[0]?.content);

/**
 * The decommission template as a person runs it, in a real scaffolder and
 * catalog on the sandbox: two APIs created by the create template in the
 * Orders VPC for customer-api, then decommissioned one after the other.
 */
describe('the Decommission an internal API template', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTaskBackend>>;
  /** The state once both APIs exist. */
  let created: Awaited<ReturnType<typeof landscapeState>>;

  const { state, takeWrites } = awsObserver(() => sandbox);
  const decommission = (name: string) =>
    runTask(backend.api, DECOMMISSION_TEMPLATE_REF, {
      entityRef: `component:default/${name}`,
    });
  const inCatalog = async (kind: string, name: string) =>
    (
      await backend.api.get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      )
    ).status === 200;

  beforeAll(async () => {
    sandbox = await startSandbox();
    backend = await startTaskBackend({ config: sandbox.landscape.config });
    for (const values of [ORDERS_API, INVOICES_API]) {
      completed(await runTask(backend.api, TEMPLATE_REF, values), values.name);
      // deregister-routes counts the other APIs from the catalog: both must be in it.
      await waitForEntity(backend.api, 'component', values.name, {
        timeoutMs: 30_000,
      });
    }
    created = await state();
    takeWrites();
  }, 240_000);
  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
  });

  it("refuses while the stack's records are still in the zone, at the check step, changing nothing", async () => {
    const removeRecord = await addStackRecordByHand(sandbox.moto, {
      accountId: ORDERS_API.accountId,
      domainName: ORDERS_API.domainName,
    });
    try {
      const before = await state();

      const refused = await decommission('orders-api');

      expect(refused.status).toBe('failed');
      expect(refused.failure?.stepId).toBe('checkDns');
      expect(refused.failure?.messages.join('\n')).toMatch(
        /orders\.api\.acme\.com/,
      );
      expect(takeWrites()).toEqual([]);
      expect(await state()).toEqual(before);
      expect(await inCatalog('component', 'orders-api')).toBe(true);
    } finally {
      await removeRecord();
    }
  }, 120_000);

  it('dry-runs the first: the plan (shared routes kept, NS record, zone and entities planned), nothing changed', async () => {
    const before = await state();
    const template = yaml.parse(
      fs.readFileSync(path.join(templateDir, 'decommission.yaml'), 'utf8'),
    );

    const { status, body } = await backend.api.post(
      '/api/scaffolder/v2/dry-run',
      {
        template,
        values: { entityRef: 'component:default/orders-api' },
        secrets: {},
        directoryContents: [],
      },
    );

    expect(status).toBe(200);
    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    expect(await inCatalog('component', 'orders-api')).toBe(true);
    const text = removedText({ output: body.output });
    const routeLines = text.filter(line => line.startsWith('- `'));
    expect(routeLines.length).toBeGreaterThan(0);
    expect(
      routeLines.filter(
        line =>
          !line.endsWith('**absent**') &&
          !line.endsWith('**kept** (needed by component:default/invoices-api)'),
      ),
    ).toEqual([]);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^- NS orders\.api\.acme\.com .*: \*\*planned\*\*$/,
        ),
        expect.stringMatching(
          /^- zone orders\.api\.acme\.com .*: \*\*planned\*\*$/,
        ),
        '**Catalog**: api:default/orders-api, component:default/orders-api: **planned**',
      ]),
    );
  }, 60_000);

  it('decommissions the first: keeps the shared routes (needed by the second), removes its NS record, zone and entities', async () => {
    takeWrites();
    const task = completed(await decommission('orders-api'), 'orders-api');

    // Route 53 only: the NS record in acme.com, then the zone. No route goes.
    expect(takeWrites()).toEqual([
      'ChangeResourceRecordSets',
      'DeleteHostedZone',
    ]);
    const after = await state();
    expect(after.vpcRoutes).toEqual(created.vpcRoutes);
    expect(after.transitGatewayRoutes).toEqual(created.transitGatewayRoutes);
    expect(
      Object.keys(after.hostedZones).some(key => key.includes('orders.api')),
    ).toBe(false);
    expect(JSON.stringify(after.hostedZones)).not.toMatch(
      /orders\.api\.acme\.com/,
    );
    expect(JSON.stringify(after.hostedZones)).toMatch(
      /invoices\.api\.acme\.com/,
    );

    const text = removedText(task);
    const routeLines = text.filter(line => line.startsWith('- `'));
    // A table the creation did not write to (no route there) reads absent; every other route stays.
    const kept = routeLines.filter(line =>
      line.endsWith('**kept** (needed by component:default/invoices-api)'),
    );
    expect(routeLines.filter(line => !kept.includes(line))).toEqual(
      routeLines.filter(line => line.endsWith('**absent**')),
    );
    // Both directions (consumer and API route tables) and the transit gateway route.
    expect(kept.some(line => line.includes('`tgw-rtb-'))).toBe(true);
    expect(
      new Set(kept.map(line => /\(account (\d+)\)/.exec(line)?.[1])).size,
    ).toBeGreaterThanOrEqual(3);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^- NS orders\.api\.acme\.com in acme\.com .*: \*\*removed\*\*$/,
        ),
        expect.stringMatching(
          /^- zone orders\.api\.acme\.com in account .*: \*\*removed\*\*$/,
        ),
        '**Catalog**: api:default/orders-api, component:default/orders-api: **removed**',
      ]),
    );
    expect(await inCatalog('component', 'orders-api')).toBe(false);
    expect(await inCatalog('api', 'orders-api')).toBe(false);
    expect(await inCatalog('component', 'invoices-api')).toBe(true);
  }, 120_000);

  it('decommissions the second: removes the routes both ways and the transit gateway route', async () => {
    takeWrites();
    const before = await state();
    const task = completed(await decommission('invoices-api'), 'invoices-api');

    const writes = takeWrites();
    expect(
      writes.filter(op => op === 'DeleteRoute').length,
    ).toBeGreaterThanOrEqual(2);
    expect(writes).toContain('DeleteTransitGatewayRoute');
    expect(writes).toContain('DeleteHostedZone');
    const after = await state();
    // Everything the two creations added is gone: routes, TGW route, zones, NS records.
    const removed = addedLines(after.vpcRoutes, before.vpcRoutes);
    expect(Object.values(removed).flat().length).toBeGreaterThanOrEqual(2);
    expect(after.transitGatewayRoutes.length).toBeLessThan(
      before.transitGatewayRoutes.length,
    );
    expect(JSON.stringify(after.hostedZones)).not.toMatch(
      /invoices\.api\.acme\.com/,
    );
    const routeLines = removedText(task).filter(line => line.startsWith('- `'));
    expect(routeLines.length).toBeGreaterThan(0);
    expect(
      routeLines.filter(line => line.includes('**removed**')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(routeLines.some(line => line.includes('**kept**'))).toBe(false);
    expect(await inCatalog('component', 'invoices-api')).toBe(false);
  }, 120_000);

  it('run again once both are gone: the catalog path refuses at fetch, the cleanup path finds everything absent', async () => {
    const before = await state();

    const refused = await decommission('orders-api');
    expect([refused.status, refused.failure?.stepId]).toEqual([
      'failed',
      'fetch',
    ]);
    expect(refused.failure?.messages.join('\n')).toMatch(
      /component:default\/orders-api/,
    );
    // With the entity gone, the same API is cleaned up from its values: nothing is left to remove.
    const again = completed(
      await runTask(backend.api, DECOMMISSION_TEMPLATE_REF, {
        source: 'half-created',
        accountId: ORDERS_API.accountId,
        region: ORDERS_API.region,
        name: ORDERS_API.name,
        domainName: ORDERS_API.domainName,
        consumers: ORDERS_API.consumers,
      }),
      'cleanup of orders-api',
    );

    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    const text = removedText(again);
    expect(
      text.filter(
        line => line.startsWith('- ') && !line.endsWith('**absent**'),
      ),
    ).toEqual([]);
    expect(text.filter(line => line.startsWith('- ')).length).toBeGreaterThan(
      2,
    );
    expect(text).toContain(
      '**Catalog**: no entity to remove (the creation never registered one). A repository it published stays: delete it by hand.',
    );
  }, 120_000);
});
