import {
  addWorkloadVpc,
  landscapeState,
  Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import {
  deregisterOrdersRoutes,
  ordersApi,
  registerOrdersRoutes,
} from '../__testUtils__/ordersRoutes';
import { runAction } from '../__testUtils__/runAction';
import { createDeregisterRoutesAction } from './deregisterRoutes';

const { orders } = SANDBOX_ACCOUNTS;
const entityRef = 'component:default/orders-api';

describe('internal-api:tgw:deregister-routes refuses, removing nothing', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    await registerOrdersRoutes(sandbox.landscape, ['customer-api']);
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const state = () => landscapeState(sandbox.moto, sandbox.landscape);

  it.each([
    [
      'a decommission without the API it decommissions',
      { consumers: ['customer-api'], decommission: true },
      /^decommission is true but entityRef is not set: name the API being decommissioned/,
    ],
    [
      'a consumer that is not configured',
      { consumers: ['customer-api', 'nobody'], entityRef },
      /consumers: 'nobody' not configured\. Choose from: customer-api, partner-api/,
    ],
    [
      'an account that is not a workload account',
      { accountId: '999999999999', consumers: ['customer-api'], entityRef },
      /accountId '999999999999' is not a configured workload account/,
    ],
    [
      'an entity ref that is not one',
      { consumers: ['customer-api'], entityRef: 'component:' },
      /^entityRef 'component:' is not an entity ref: pass the API's Component/,
    ],
  ])('%s, before any AWS call', async (_case, input, message) => {
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      input,
    );
    await expect(result).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(counter.calls).toEqual([]);
  });

  it("a VPC other than the account's configured one, before any AWS call", async () => {
    const other = await addWorkloadVpc(sandbox.moto, sandbox.landscape, {
      name: 'other-orders',
      accountId: orders,
      cidr: '10.90.0.0/16',
    });
    const { result, counter } = deregisterOrdersRoutes(sandbox.landscape, {
      vpcId: other.vpcs['other-orders'].vpcId,
      consumers: ['customer-api'],
      entityRef,
    });
    await expect(result).rejects.toThrow(
      /^vpcId 'vpc-\w+' is not the VPC configured for account 444455556666/,
    );
    expect(counter.calls).toEqual([]);
  });

  it('when no transit gateway is configured, before any AWS call', async () => {
    const { counter, internalApi, ...context } = countedContext(
      sandbox.landscape,
    );
    const { transitGateway: _none, ...withoutTgw } = internalApi;
    const action = createDeregisterRoutesAction({
      ...context,
      internalApi: withoutTgw,
    });
    const { vpcId } = sandbox.landscape.vpcs.orders;
    await expect(
      runAction(action, {
        accountId: orders,
        region: 'eu-west-1',
        vpcId,
        consumers: ['customer-api'],
        entityRef,
      }),
    ).rejects.toThrow(/^No transit gateway is configured/);
    expect(counter.calls).toEqual([]);
  });

  // Last: the denial stays for the rest of this sandbox.
  it('a role that may not delete a route fails planOnly, naming the table and account', async () => {
    const before = await state();
    sandbox.proxy.deny('DeleteRoute');
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      { consumers: ['customer-api'], entityRef, planOnly: true },
      {
        catalogEntities: [
          ordersApi(sandbox.landscape, 'orders-api', ['customer-api']),
        ],
      },
    );
    const customerTable = sandbox.landscape.vpcs.customer.subnets.find(
      s => s.routeTableId,
    )!.routeTableId!;
    const error = await result.catch(e => e);
    expect(error).toMatchObject({ name: 'InputError' });
    expect(error.message).toMatch(
      /^The role the platform uses in these accounts may not make these deletes; nothing was removed:\n/,
    );
    expect(error.message).toContain(
      `- ec2:DeleteRoute in account ${SANDBOX_ACCOUNTS.customer} (eu-west-1):\n  ${customerTable} 10.10.0.0/16 -> ${sandbox.landscape.transitGatewayId}`,
    );
    expect(error.message).toContain(
      `- ec2:DeleteRoute in account ${orders} (eu-west-1):\n  rtb-`,
    );
    expect(counter.writes()).toEqual([]);
    expect(await state()).toEqual(before);
  });
});
