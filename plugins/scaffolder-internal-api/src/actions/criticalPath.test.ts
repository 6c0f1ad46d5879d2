import {
  AwsRequest,
  criticalPath,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';
import { createResolvePlacementAction } from './resolvePlacement';

/**
 * How many AWS calls each step of a first API in the Orders VPC makes one
 * after another (criticalPath.ts: each starting after the one before ended),
 * the steps run in the template's order by one backend, so the sessions
 * assumed by one step serve the next (credentials.ts). Every call costs 50
 * ms at the proxy, so calls sent together overlap and count once; the test
 * asserts counts, never times. On AWS each call of the chain costs about
 * 150 ms (awsLatency.ts): the chain is what a user waits for.
 */
describe('the placement and route steps of a first API: calls one after another', () => {
  let sandbox: Sandbox;
  let context: ReturnType<typeof countedContext>;
  beforeAll(async () => {
    sandbox = await startSandbox({
      awsLatency: { callMs: { ec2: 50, sts: 50 }, otherCallMs: 50 },
    });
    context = countedContext(sandbox.landscape);
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** The step's calls (AssumeRole included) and how many of them were made one after another. */
  async function measured(step: () => Promise<unknown>) {
    const before = sandbox.proxy.requests().length;
    await step();
    const requests: AwsRequest[] = sandbox.proxy.requests().slice(before);
    return {
      calls: requests.length,
      assumeRole: requests.filter(r => r.operation === 'AssumeRole').length,
      oneAfterAnother: criticalPath(requests).chain.length,
    };
  }

  const routeInput = () => ({
    ...placementOf(sandbox.landscape, 'orders'),
    consumers: ['customer-api'],
    domainName: 'orders.api.acme.com',
  });

  // Run in order: each step finds what the one before left (sessions, then routes).
  it('placement: the sessions of the workload and network accounts, then every read at once', async () => {
    const step = await measured(() =>
      runAction(createResolvePlacementAction(context), {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: SANDBOX_REGION,
        subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
        image: '444455556666.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
      }),
    );
    // AssumeRole ×2 beside each other; DescribeVpcs, DescribeSubnets ×2, DescribeRouteTables,
    // DescribeTransitGatewayVpcAttachments, DescribeVpcEndpoints, DescribeVpcAttribute ×2 beside each other.
    expect(step).toEqual({ calls: 10, assumeRole: 2, oneAfterAnother: 2 });
  });

  it('checkRoutes (planOnly): the plan two reads deep, then every dry run at once', async () => {
    const step = await measured(() =>
      runAction(createRegisterRoutesAction(context), {
        ...routeInput(),
        planOnly: true,
      }),
    );
    // The consumer's session beside the provider's DescribeVpcs; the consumer's reads beside the
    // transit gateway route's search (it needs the provider's CIDR); the 5 dry runs together.
    expect(step).toEqual({ calls: 14, assumeRole: 1, oneAfterAnother: 3 });
  });

  it('routes: the same plan, then every write at once, and no read of the plan again', async () => {
    const step = await measured(() =>
      runAction(createRegisterRoutesAction(context), routeInput()),
    );
    // 8 reads and 5 writes (4 CreateRoute, 1 CreateTransitGatewayRoute).
    expect(step).toEqual({ calls: 13, assumeRole: 0, oneAfterAnother: 3 });
  });
});
