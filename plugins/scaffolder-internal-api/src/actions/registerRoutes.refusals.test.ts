import {
  addConsumerVpc,
  addForeignRoute,
  addWorkloadVpc,
  Landscape,
  landscapeState,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import type { InternalApiConfig } from '@internal/plugin-internal-api-node';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';

const { customer, orders, partner } = SANDBOX_ACCOUNTS;

/** Runs the action for the Orders placement, its AWS calls counted. */
function registerRoutes(
  landscape: Landscape,
  input: Record<string, unknown>,
  options: RunOptions & { internalApi?: InternalApiConfig } = {},
) {
  const { counter, internalApi, ...context } = countedContext(landscape);
  const action = createRegisterRoutesAction({
    ...context,
    internalApi: options.internalApi ?? internalApi,
  });
  const result = runAction(
    action,
    { ...placementOf(landscape, 'orders'), ...input },
    options,
  );
  return { result, counter };
}

describe('internal-api:tgw:register-routes refuses, with zero writes', () => {
  let sandbox: Sandbox;
  let landscape: Landscape;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const { moto } = sandbox;
    // A consumer whose CIDR overlaps the Orders VPC, and one that already
    // routes the Orders CIDR to an internet gateway.
    landscape = await addConsumerVpc(moto, sandbox.landscape, {
      name: 'legacy-api',
      accountId: customer,
      cidr: '10.10.0.0/16',
    });
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'shared-services',
      accountId: partner,
      cidr: '10.60.0.0/16',
      routeTables: 2,
    });
    landscape = await addForeignRoute(moto, landscape, {
      vpc: 'shared-services',
      cidr: '10.10.0.0/16',
    });
    // A consumer in another account with customer-api's CIDR (10.40.0.0/16).
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'customer-lab',
      accountId: partner,
      cidr: '10.40.0.0/16',
    });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const consumers = ['customer-api', 'partner-api'];
  const state = () => landscapeState(sandbox.moto, landscape);

  it.each([
    [
      'a consumer that is not configured',
      { consumers: ['customer-api', 'nobody'] },
      /consumers: 'nobody' not configured\. Choose from: customer-api, partner-api, legacy-api, shared-services/,
    ],
    [
      'an account that is not a workload account',
      { accountId: '999999999999', consumers },
      /accountId '999999999999' is not a configured workload account/,
    ],
    [
      "a region that is not the account's",
      { region: 'us-east-1', consumers },
      /region 'us-east-1' is not where account 444455556666/,
    ],
  ])('%s, before any AWS call', async (_case, input, message) => {
    const { result, counter } = registerRoutes(landscape, input);
    await expect(result).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(counter.calls).toEqual([]);
  });

  it("a VPC other than the account's configured one, even one attached to the transit gateway, before any AWS call", async () => {
    const withOther = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'other-orders',
      accountId: orders,
      cidr: '10.90.0.0/16',
    });
    const other = withOther.vpcs['other-orders'];
    expect(other.attachmentId).toMatch(/^tgw-attach-/);
    const before = await landscapeState(sandbox.moto, withOther);
    const { result, counter } = registerRoutes(withOther, {
      vpcId: other.vpcId,
      subnets: other.subnets,
      consumers,
    });
    await expect(result).rejects.toMatchObject({
      name: 'InputError',
      message:
        `vpcId '${other.vpcId}' is not the VPC configured for account ${orders} (Orders (sandbox)): ` +
        `use '${landscape.vpcs.orders.vpcId}', the vpcId that internal-api:placement:resolve outputs. ` +
        'Internal APIs go only in the VPC set under internalApi.workloadAccounts.',
    });
    expect(counter.calls).toEqual([]);
    const after = await landscapeState(sandbox.moto, withOther);
    expect(after).toEqual(before);
    expect(
      after.vpcRoutes['other-orders'].filter(line => !/ -> local /.test(line)),
    ).toEqual([]);
  });

  it('when no transit gateway is configured, before any AWS call', async () => {
    const { transitGateway: _none, ...withoutTgw } =
      countedContext(landscape).internalApi;
    const { result, counter } = registerRoutes(
      landscape,
      { consumers },
      { internalApi: withoutTgw },
    );
    await expect(result).rejects.toThrow(
      /No transit gateway is configured: a platform engineer sets internalApi\.transitGateway/,
    );
    expect(counter.calls).toEqual([]);
  });

  it('a consumer whose CIDR overlaps the provider VPC', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(landscape, {
      consumers: ['legacy-api'],
    });
    await expect(result).rejects.toThrow(
      /10\.10\.0\.0\/16 overlaps consumer legacy-api .*'s own CIDR 10\.10\.0\.0\/16/,
    );
    expect(counter.writes()).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('consumers whose CIDRs overlap each other', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(landscape, {
      consumers: ['customer-api', 'customer-lab'],
    });
    await expect(result).rejects.toThrow(
      /consumer customer-api \(vpc-\w+\) \(10\.40\.0\.0\/16\) and consumer customer-lab \(vpc-\w+\) \(10\.40\.0\.0\/16\) overlap; the provider's return routes could not tell them apart/,
    );
    expect(counter.writes()).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('a route for the CIDR that leads elsewhere, naming the table, CIDR and target, even beside a valid consumer', async () => {
    const shared = landscape.vpcs['shared-services'];
    const before = await state();
    const { result, counter } = registerRoutes(landscape, {
      consumers: ['partner-api', 'shared-services'],
    });
    await expect(result).rejects.toThrow(
      `${shared.subnets[0].routeTableId} (consumer shared-services (${shared.vpcId}), account ${partner}) ` +
        `already routes 10.10.0.0/16 to ${shared.internetGatewayId}`,
    );
    expect(counter.writes()).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('route tables that are not in the provider VPC', async () => {
    const { result, counter } = registerRoutes(landscape, {
      consumers,
      subnets: [
        { routeTableId: landscape.vpcs.customer.subnets[0].routeTableId },
      ],
    });
    await expect(result).rejects.toThrow(
      /subnets: route tables rtb-\w+ are not in vpc-/,
    );
    expect(counter.writes()).toEqual([]);
  });
});
