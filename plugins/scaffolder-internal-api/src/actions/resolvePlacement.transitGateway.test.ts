import {
  addWorkloadVpc,
  privateSubnet,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SandboxLandscape,
  startSandbox,
} from '@internal/aws-sandbox';
import { resolvePlacement } from '../__testUtils__/resolvePlacement';

const { orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;
const privateSubnets = [{ name: 'tag:Tier', values: ['private'] }];

describe('internal-api:placement:resolve and the transit gateway', () => {
  let sandbox: Sandbox;
  let landscape: SandboxLandscape;
  beforeAll(async () => {
    sandbox = await startSandbox();
    landscape = sandbox.landscape;
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** An Orders VPC with private subnets in zones a and b, attached as `attach` says. */
  const ordersVpc = async (
    name: string,
    cidr: string,
    attach: { attach?: boolean; attachZones?: string[] },
  ) => {
    const next = await addWorkloadVpc(sandbox.moto, landscape, {
      name,
      accountId: ORDERS_ACCOUNT,
      cidr,
      subnets: [
        privateSubnet('a', cidr.replace('0.0/16', '1.0/24')),
        privateSubnet('b', cidr.replace('0.0/16', '2.0/24')),
      ],
      ...attach,
    });
    return next.vpcs[name].vpcId;
  };

  it('refuses subnets in a zone where the VPC attachment has no subnet, naming the zone', async () => {
    const vpcId = await ordersVpc('half-attached', '10.33.0.0/16', {
      attachZones: ['eu-west-1a'],
    });
    const { result, calls } = resolvePlacement(
      landscape,
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { vpcOf: { [ORDERS_ACCOUNT]: vpcId } },
    );
    await expect(result).rejects.toThrow(
      new RegExp(
        `Transit gateway attachment tgw-attach-\\w+ of ${vpcId} has no subnet in eu-west-1b; the load balancer's nodes there ` +
          'could not reach the transit gateway\\. .*narrow the filters to the zones it serves \\(eu-west-1a\\)',
      ),
    );
    expect(calls.filter(call => call.write)).toEqual([]);

    // Narrowed to the zone the attachment serves: no transit gateway problem is left, only the two-zone rule.
    const narrowed = resolvePlacement(
      landscape,
      {
        accountId: ORDERS_ACCOUNT,
        subnetFilters: [
          ...privateSubnets,
          { name: 'availability-zone', values: ['eu-west-1a'] },
        ],
      },
      { vpcOf: { [ORDERS_ACCOUNT]: vpcId } },
    );
    await expect(narrowed.result).rejects.toThrow(
      /^subnetFilters match subnets in only 1 Availability Zone \(eu-west-1a\).*widen the filters\.$/,
    );
  });

  it('refuses a VPC the transit gateway has no attachment of', async () => {
    const vpcId = await ordersVpc('unattached', '10.34.0.0/16', {
      attach: false,
    });
    const { result } = resolvePlacement(
      landscape,
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { vpcOf: { [ORDERS_ACCOUNT]: vpcId } },
    );
    await expect(result).rejects.toThrow(
      `${vpcId} has no available attachment to transit gateway ${landscape.config.internalApi.transitGateway.id}, so no consumer could reach the API.`,
    );
  });

  it("refuses, before any AWS call, an account outside the transit gateway's region", async () => {
    const elsewhere = {
      ...landscape,
      config: {
        ...landscape.config,
        internalApi: {
          ...landscape.config.internalApi,
          transitGateway: {
            ...landscape.config.internalApi.transitGateway,
            region: 'eu-central-1',
          },
        },
      },
    };
    const { result, calls } = resolvePlacement(elsewhere, {
      accountId: ORDERS_ACCOUNT,
      subnetFilters: privateSubnets,
    });
    await expect(result).rejects.toThrow(
      /Account 444455556666 \(Orders \(sandbox\)\) is in eu-west-1, but transit gateway tgw-\w+ is in eu-central-1; a transit gateway carries traffic only for VPCs of its own region/,
    );
    expect(calls).toEqual([]);
  });
});

describe('internal-api:placement:resolve reports what the stack needs to know', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const placeIn = async (spec: {
    name: string;
    cidr: string;
    endpoints?: string[];
    dnsHostnames?: boolean;
  }) => {
    const landscape = await addWorkloadVpc(sandbox.moto, sandbox.landscape, {
      accountId: ORDERS_ACCOUNT,
      ...spec,
    });
    return resolvePlacement(
      landscape,
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { vpcOf: { [ORDERS_ACCOUNT]: landscape.vpcs[spec.name].vpcId } },
    ).result;
  };

  it('the endpoints the VPC already has, so the stack does not create them twice', async () => {
    const outputs = await placeIn({
      name: 'with-endpoints',
      cidr: '10.35.0.0/16',
      endpoints: ['ecr.api', 's3', 'sqs'],
    });
    expect(outputs).toMatchObject({
      vpcEndpoints: ['ecr.api', 's3'],
      egressRoute: false,
    });
  });

  it('refuses a VPC without DNS host names: private-DNS endpoints need them', async () => {
    await expect(
      placeIn({
        name: 'no-dns-names',
        cidr: '10.36.0.0/16',
        dnsHostnames: false,
      }),
    ).rejects.toThrow(
      /vpc-\w+ has enableDnsHostnames off; the API's VPC endpoints \(ECR, Logs\) resolve through private DNS, which needs both on\./,
    );
  });
});
