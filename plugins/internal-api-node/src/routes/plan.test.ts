import {
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
  DescribeRouteTablesCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcsCommand,
  EC2Client,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../aws/access';
import { applyRoutes } from './apply';
import { planRouteRegistration, VpcSide } from './plan';

/**
 * Paths the emulator cannot show, with EC2 mocked:
 * - moto's SearchTransitGatewayRoutes never reports a route's attachment, so
 *   "the transit gateway route leads to another attachment" needs a mock;
 * - a route appearing between plan and write (RouteAlreadyExists on create).
 */
describe('route planning and apply with EC2 mocked', () => {
  const ec2 = mockClient(EC2Client);
  // Every client is the mocked one; Route 53 is not used by routes.
  const clients: AwsClients = {
    ec2: async () => new EC2Client({ region: 'eu-west-1' }),
    route53: async () => {
      throw new Error('routes do not use Route 53');
    },
  };
  const side = (
    label: string,
    vpcId: string,
    routeTableIds?: string[],
  ): VpcSide => ({
    label,
    location: { accountId: '444455556666', region: 'eu-west-1' },
    vpcId,
    routeTableIds,
  });
  const plan = () =>
    planRouteRegistration(clients, {
      provider: side('provider vpc-a', 'vpc-a', ['rtb-a']),
      consumers: [side('consumer c', 'vpc-c')],
      transitGateway: {
        accountId: '111122223333',
        region: 'eu-west-1',
        id: 'tgw-1',
        routeTableId: 'tgw-rtb-1',
      },
    });

  beforeEach(() => {
    ec2.reset();
    ec2
      .on(DescribeVpcsCommand, { VpcIds: ['vpc-a'] })
      .resolves({ Vpcs: [{ CidrBlock: '10.10.0.0/16' }] });
    ec2
      .on(DescribeVpcsCommand, { VpcIds: ['vpc-c'] })
      .resolves({ Vpcs: [{ CidrBlock: '10.40.0.0/16' }] });
    ec2.on(DescribeRouteTablesCommand).callsFake(input => ({
      RouteTables: [
        {
          RouteTableId:
            input.Filters[0].Values[0] === 'vpc-a' ? 'rtb-a' : 'rtb-c',
          Routes: [],
        },
      ],
    }));
    ec2.on(DescribeTransitGatewayVpcAttachmentsCommand).resolves({
      TransitGatewayVpcAttachments: [
        {
          TransitGatewayAttachmentId: 'tgw-attach-ours',
          VpcId: 'vpc-a',
          State: 'available',
        },
        {
          TransitGatewayAttachmentId: 'tgw-attach-c',
          VpcId: 'vpc-c',
          State: 'available',
        },
      ],
    });
  });

  const tgwRoute = (attachmentId: string | undefined, state = 'active') =>
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({
      Routes: [
        {
          DestinationCidrBlock: '10.10.0.0/16',
          Type: 'static',
          State: state as 'active',
          TransitGatewayAttachments: attachmentId
            ? [{ TransitGatewayAttachmentId: attachmentId }]
            : [],
        },
      ],
    });

  it('refuses a transit gateway route that leads to another attachment', async () => {
    tgwRoute('tgw-attach-theirs');
    await expect(plan()).rejects.toThrow(
      'transit gateway route table tgw-rtb-1 already routes 10.10.0.0/16 to tgw-attach-theirs',
    );
  });

  it('refuses a blackhole transit gateway route', async () => {
    tgwRoute('tgw-attach-ours', 'blackhole');
    await expect(plan()).rejects.toThrow(
      'already routes 10.10.0.0/16 to a blackhole',
    );
  });

  it('counts the route to our own attachment as present', async () => {
    tgwRoute('tgw-attach-ours');
    const { changes, writes } = await plan();
    const tgw = changes.find(change => change.kind === 'transit-gateway');
    expect(tgw).toMatchObject({
      target: 'tgw-attach-ours',
      status: 'already-present',
    });
    expect(writes.map(write => changes[write.change])).not.toContain(tgw);
  });

  // Gateway (edge) associations: moto's answer is mocked like the rest of this file.
  it('never writes an edge route table (one associated with a gateway), and says so', async () => {
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes: [] });
    ec2.on(DescribeRouteTablesCommand).callsFake(input => ({
      RouteTables:
        input.Filters[0].Values[0] === 'vpc-a'
          ? [{ RouteTableId: 'rtb-a', Routes: [] }]
          : [
              { RouteTableId: 'rtb-c', Routes: [] },
              {
                RouteTableId: 'rtb-edge',
                Routes: [],
                Associations: [{ GatewayId: 'igw-1', Main: false }],
              },
            ],
    }));
    const planned = await plan();
    expect(planned.changes.map(change => change.routeTableId)).toEqual([
      'rtb-c',
      'rtb-a',
      'tgw-rtb-1',
    ]);
    expect(planned.skipped).toEqual([
      {
        routeTableId: 'rtb-edge',
        reason:
          'consumer c: associated with igw-1 (an edge route table); never written',
      },
    ]);
  });

  it('plans as plain data: each planned route has one write, named after the route', async () => {
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes: [] });
    const planned = await plan();
    expect(JSON.parse(JSON.stringify(planned))).toEqual(planned);
    expect(planned.writes).toEqual([
      {
        op: 'create-vpc-route',
        change: 0,
        checkpointKey: 'internal-api:tgw:route:444455556666:rtb-c:10.10.0.0/16',
        vpcId: 'vpc-c',
        vpcLabel: 'consumer c',
      },
      {
        op: 'create-vpc-route',
        change: 1,
        checkpointKey: 'internal-api:tgw:route:444455556666:rtb-a:10.40.0.0/16',
        vpcId: 'vpc-a',
        vpcLabel: 'provider vpc-a',
      },
      {
        op: 'create-tgw-route',
        change: 2,
        checkpointKey:
          'internal-api:tgw:route:111122223333:tgw-rtb-1:10.10.0.0/16',
      },
    ]);
    expect(planned.changes.map(change => change.status)).toEqual([
      'planned',
      'planned',
      'planned',
    ]);
  });

  it('refuses when the provider VPC is not attached to the transit gateway', async () => {
    ec2
      .on(DescribeTransitGatewayVpcAttachmentsCommand)
      .resolves({ TransitGatewayVpcAttachments: [] });
    await expect(plan()).rejects.toThrow(
      'provider vpc-a has no available attachment to transit gateway tgw-1; ask the network team to attach it first',
    );
  });

  // moto creates every attachment available at once: the other states are mocked.
  it.each(['pending', 'deleting', 'failed'])(
    "does not take a consumer's %s attachment for one",
    async state => {
      ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes: [] });
      ec2.on(DescribeTransitGatewayVpcAttachmentsCommand).resolves({
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-ours',
            VpcId: 'vpc-a',
            State: 'available',
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-c',
            VpcId: 'vpc-c',
            State: state as 'pending',
          },
        ],
      });
      await expect(plan()).rejects.toThrow(
        `consumer c has no available attachment to transit gateway tgw-1 (tgw-attach-c is ${state}); ask the network team to attach it first`,
      );
    },
  );

  it('keeps a route that appeared after planning only if it leads to the transit gateway', async () => {
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes: [] });
    const planned = await plan();
    ec2
      .on(CreateRouteCommand)
      .rejects(
        Object.assign(new Error('exists'), { name: 'RouteAlreadyExists' }),
      );
    ec2.on(CreateTransitGatewayRouteCommand).resolves({});
    ec2
      .on(DescribeRouteTablesCommand, {
        Filters: [
          { Name: 'vpc-id', Values: ['vpc-c'] },
          { Name: 'route-table-id', Values: ['rtb-c'] },
        ],
      })
      .resolves({
        RouteTables: [
          {
            RouteTableId: 'rtb-c',
            Routes: [
              {
                DestinationCidrBlock: '10.10.0.0/16',
                TransitGatewayId: 'tgw-1',
              },
            ],
          },
        ],
      });
    ec2
      .on(DescribeRouteTablesCommand, {
        Filters: [
          { Name: 'vpc-id', Values: ['vpc-a'] },
          { Name: 'route-table-id', Values: ['rtb-a'] },
        ],
      })
      .resolves({
        RouteTables: [
          {
            RouteTableId: 'rtb-a',
            Routes: [
              {
                DestinationCidrBlock: '10.40.0.0/16',
                VpcPeeringConnectionId: 'pcx-9',
              },
            ],
          },
        ],
      });

    await expect(
      applyRoutes(planned, clients, async (_key, fn) => fn()),
    ).rejects.toThrow(
      'rtb-a (provider vpc-a) now routes 10.40.0.0/16 to pcx-9; it changed while the task ran.',
    );
  });
});
