import {
  addDefaultRoute,
  addWorkloadVpc,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SandboxLandscape,
  startSandbox,
} from '@internal/aws-sandbox';
import { resolvePlacement } from '../__testUtils__/resolvePlacement';

const { orders } = SANDBOX_ACCOUNTS;
const privateSubnets = [{ name: 'tag:Tier', values: ['private'] }];

/**
 * The image must be one the tasks can pull where they are placed: without a
 * NAT route only ECR in the account's region, through the VPC's endpoints.
 */
describe('internal-api:placement:resolve with the API image', () => {
  let sandbox: Sandbox;
  let landscape: SandboxLandscape;
  beforeAll(async () => {
    sandbox = await startSandbox();
    landscape = sandbox.landscape;
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** Resolves the Orders placement, configured as the VPC `vpcName` of the landscape. */
  const resolve = (image: string, from = landscape, vpcName = 'orders') =>
    resolvePlacement(
      from,
      { accountId: orders, subnetFilters: privateSubnets, image },
      { vpcOf: { [orders]: from.vpcs[vpcName].vpcId } },
    );

  it('accepts same-region ECR of any account without a NAT route', async () => {
    for (const account of [orders, '999988887777']) {
      const { result } = resolve(
        `${account}.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2`,
      );
      await expect(result).resolves.toMatchObject({ egressRoute: false });
    }
  });

  it.each([
    [
      'ghcr.io/acme/orders:1.0.0',
      /comes from ghcr\.io, but the API's subnets have no default route/,
    ],
    ['nginx:1.27', /comes from docker\.io, but/],
    [
      '444455556666.dkr.ecr.us-east-1.amazonaws.com/orders:1',
      /is in ECR in us-east-1, but .* Replicate the repository to eu-west-1/,
    ],
  ])('refuses %s without a NAT route, reading only', async (image, message) => {
    const { result, calls } = resolve(image);
    await expect(result).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(calls.filter(call => call.write)).toEqual([]);
  });

  it('still refuses when the default route leads to an internet gateway: the tasks get no public IP', async () => {
    const withIgw = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'orders-igw',
      accountId: orders,
      cidr: '10.33.0.0/16',
    });
    const routed = await addDefaultRoute(sandbox.moto, withIgw, {
      vpc: 'orders-igw',
      via: 'internet',
    });
    const { result } = resolve(
      'ghcr.io/acme/orders:1.0.0',
      routed.landscape,
      'orders-igw',
    );
    await expect(result).rejects.toThrow(/comes from ghcr\.io, but/);
  });

  it('accepts any registry when every subnet routes out through a NAT gateway', async () => {
    const withNat = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'orders-nat',
      accountId: orders,
      cidr: '10.34.0.0/16',
    });
    const routed = await addDefaultRoute(sandbox.moto, withNat, {
      vpc: 'orders-nat',
      via: 'nat',
    });
    const { result } = resolve(
      'ghcr.io/acme/orders:1.0.0',
      routed.landscape,
      'orders-nat',
    );
    await expect(result).resolves.toMatchObject({ egressRoute: true });
  });
});
