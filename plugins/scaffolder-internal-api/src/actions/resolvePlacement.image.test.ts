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

  /** A new VPC in the Orders account whose private subnets route 0.0.0.0/0 `via` a gateway. */
  const routedVpc = async (
    name: string,
    cidr: string,
    via: 'nat' | 'internet',
  ) => {
    const withVpc = await addWorkloadVpc(sandbox.moto, landscape, {
      name,
      accountId: orders,
      cidr,
    });
    return (await addDefaultRoute(sandbox.moto, withVpc, { vpc: name, via }))
      .landscape;
  };

  it('still refuses when the default route leads to an internet gateway: the tasks get no public IP', async () => {
    const routed = await routedVpc('orders-igw', '10.33.0.0/16', 'internet');
    const { result } = resolve(
      'ghcr.io/acme/orders:1.0.0',
      routed,
      'orders-igw',
    );
    await expect(result).rejects.toThrow(/comes from ghcr\.io, but/);
  });

  it('accepts any registry when every subnet routes out through a NAT gateway', async () => {
    const routed = await routedVpc('orders-nat', '10.34.0.0/16', 'nat');
    const { result } = resolve(
      'ghcr.io/acme/orders:1.0.0',
      routed,
      'orders-nat',
    );
    await expect(result).resolves.toMatchObject({ egressRoute: true });
  });
});
