import {
  addedLines,
  runTask,
  Sandbox,
  startSandbox,
  stepLog,
  TaskResult,
  waitForEntity,
} from '@internal/aws-sandbox';
import {
  CHANGE_CONSUMERS_TEMPLATE_REF,
  startTaskBackend,
  TEMPLATE_REF,
} from './__testUtils__/taskBackend';
import {
  awsObserver,
  completed,
  INVOICES_API,
  outputLines,
  routeLinesOf,
} from './__testUtils__/dayTwo';
import { ORDERS_API } from './ordersApi';

/** The output's route lines with their status. */
const routeLines = (task: TaskResult): string[] =>
  routeLinesOf(outputLines(task.output?.text?.[0]?.content));

const countOf = (lines: Record<string, string[]>) =>
  Object.values(lines).flat().length;

/**
 * The Change consumers template in a real scaffolder and catalog on the
 * sandbox: two APIs in the Orders VPC for customer-api; consumers added and
 * removed with the routes counted across both, and a pull request on the
 * API's repository that the test merges as a reviewer would.
 */
describe('the Change the consumers of an internal API template', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTaskBackend>>;

  const { state, takeWrites } = awsObserver(() => sandbox);
  const change = (name: string, consumers: string[]) =>
    runTask(backend.api, CHANGE_CONSUMERS_TEMPLATE_REF, {
      entityRef: `component:default/${name}`,
      consumers,
    });
  /** Merges the task's pull request, then has the catalog read the merged catalog-info.yaml. */
  const mergeAndRefresh = async (name: string, task: TaskResult) => {
    const url = task.output?.links?.[0]?.url as string;
    await backend.mergePullRequest(
      name,
      Number(/\/pull\/(\d+)$/.exec(url)![1]),
    );
    const consumers = JSON.parse(
      backend.readFile(name, 'main', 'config/service.json'),
    ).consumers.map((consumer: { name: string }) => consumer.name);
    await backend.refreshUntil(
      name,
      entity =>
        entity.metadata.annotations['internal-api.platform/consumers'] ===
        [...consumers].sort().join(','),
    );
  };

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
    takeWrites();
  }, 240_000);
  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
  });

  it('refuses a set that changes nothing at the plan step, writing nothing anywhere', async () => {
    const before = await state();
    const refused = await change('orders-api', ['customer-api']);

    expect(refused.status).toBe('failed');
    expect(refused.failure?.stepId).toBe('plan');
    expect(refused.failure?.messages.join('\n')).toMatch(
      /are the ones the API already has: nothing to change/,
    );
    expect(takeWrites()).toEqual([]);
    expect(await state()).toEqual(before);
    expect(backend.branches('orders-api')).toEqual(['main']);
  }, 120_000);

  it('adds partner-api to orders-api: routes both ways, and a pull request with the config and the annotation', async () => {
    const before = await state();
    const task = completed(
      await change('orders-api', ['customer-api', 'partner-api']),
      'add partner-api',
    );

    const writes = takeWrites();
    expect(
      writes.filter(op => op === 'CreateRoute').length,
    ).toBeGreaterThanOrEqual(2);
    expect(writes).not.toContain('DeleteRoute');
    const after = await state();
    expect(countOf(addedLines(before.vpcRoutes, after.vpcRoutes))).toBe(
      writes.filter(op => op === 'CreateRoute').length,
    );
    expect(countOf(addedLines(after.vpcRoutes, before.vpcRoutes))).toBe(0);
    // Under Added, the routes created, one line each; the shared ones are listed as already there.
    const lines = outputLines(task.output?.text?.[0]?.content);
    const added = routeLinesOf(
      lines.slice(
        0,
        lines.findIndex(line => line.startsWith('**Already there**')),
      ),
    );
    expect(added.length).toBe(writes.filter(op => op === 'CreateRoute').length);
    expect(added.every(line => line.endsWith('**created**'))).toBe(true);
    expect(routeLines(task).length).toBeGreaterThan(added.length);

    // The pull request: a branch off main with the two files changed, and nothing else.
    expect(task.output?.links?.[0]).toMatchObject({
      title: 'Pull request',
      url: expect.stringMatching(
        /\/github\.com\/acme\/orders-api\.git\/pull\/1$/,
      ),
    });
    expect(
      backend.changedFiles('orders-api', 'main', 'internal-api/consumers'),
    ).toEqual(['catalog-info.yaml', 'config/service.json']);
    const config = JSON.parse(
      backend.readFile(
        'orders-api',
        'internal-api/consumers',
        'config/service.json',
      ),
    );
    expect(config.consumers.map((c: { name: string }) => c.name)).toEqual([
      'customer-api',
      'partner-api',
    ]);
    expect(config.consumers[1].cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    expect(
      backend.readFile(
        'orders-api',
        'internal-api/consumers',
        'catalog-info.yaml',
      ),
    ).toContain('internal-api.platform/consumers: "customer-api,partner-api"');

    await mergeAndRefresh('orders-api', task);
  }, 180_000);

  it('removes customer-api from orders-api: its routes stay, invoices-api still needs them', async () => {
    const before = await state();
    const task = completed(
      await change('orders-api', ['partner-api']),
      'remove customer-api from orders-api',
    );

    expect(takeWrites().filter(op => op.startsWith('Delete'))).toEqual([]);
    expect((await state()).vpcRoutes).toEqual(before.vpcRoutes);
    const removed = routeLines(task).filter(line => line.includes('**kept**'));
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect(
      removed.every(line =>
        line.endsWith('(needed by component:default/invoices-api)'),
      ),
    ).toBe(true);
    expect(stepLog(task, 'removeRoutes').join('\n')).toMatch(
      /Kept, other APIs still need them/,
    );
    await mergeAndRefresh('orders-api', task);
  }, 180_000);

  it('moves invoices-api to partner-api: customer-api routes go (no API lists it now), partner-api routes are already there', async () => {
    const before = await state();
    const task = completed(
      await change('invoices-api', ['partner-api']),
      'move invoices-api',
    );

    const writes = takeWrites();
    expect(writes).not.toContain('CreateRoute');
    expect(
      writes.filter(op => op === 'DeleteRoute').length,
    ).toBeGreaterThanOrEqual(2);
    const after = await state();
    expect(countOf(addedLines(after.vpcRoutes, before.vpcRoutes))).toBe(
      writes.filter(op => op === 'DeleteRoute').length,
    );
    // The transit gateway route to the Orders VPC stays: both APIs are still there.
    expect(after.transitGatewayRoutes).toEqual(before.transitGatewayRoutes);
    expect(
      routeLines(task).filter(line => line.includes('**removed**')).length,
    ).toBe(writes.filter(op => op === 'DeleteRoute').length);
  }, 180_000);
});
