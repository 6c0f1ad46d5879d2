import {
  DescribeSubnetsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  GetTransitGatewayRouteTableAssociationsCommand,
} from '@aws-sdk/client-ec2';
import { mockedRouteLandscape } from '../__testUtils__/mockedRouteLandscape';

/**
 * Route planning where the emulator cannot show the case, with EC2 mocked:
 * moto's SearchTransitGatewayRoutes never reports a route's attachments and
 * moto never propagates routes; it creates every attachment available and
 * associated at once. The cases the emulator can show (main and edge route
 * tables, prefix lists, zones) are tested against it in the register-routes
 * action's tests.
 */
describe('route planning with EC2 mocked', () => {
  const network = mockedRouteLandscape();
  const { plan, tgwRoutes } = network;
  beforeEach(() => network.reset());

  const route = (
    Type: 'static' | 'propagated',
    attachmentIds: string[],
    State: 'active' | 'blackhole' = 'active',
  ) => ({
    DestinationCidrBlock: '10.10.0.0/16',
    Type,
    State,
    TransitGatewayAttachments: attachmentIds.map(id => ({
      TransitGatewayAttachmentId: id,
    })),
  });

  it.each([
    [
      'static',
      ['tgw-attach-theirs'],
      'a static route for 10.10.0.0/16 to tgw-attach-theirs',
    ],
    [
      'propagated',
      ['tgw-attach-theirs'],
      'a propagated route for 10.10.0.0/16 to tgw-attach-theirs',
    ],
    // Equal-cost routes to two attachments: ours would get only part of the traffic.
    [
      'propagated',
      ['tgw-attach-ours', 'tgw-attach-2'],
      'a propagated route for 10.10.0.0/16 to tgw-attach-ours / tgw-attach-2',
    ],
    // moto's answer: a route without attachments is nobody's, never ours.
    ['static', [], 'a static route for 10.10.0.0/16 to no target'],
  ] as const)(
    'refuses a %s transit gateway route to %j',
    async (type, attachments, message) => {
      tgwRoutes([route(type, [...attachments])]);
      await expect(plan()).rejects.toThrow(
        `transit gateway route table tgw-rtb-1 already has ${message}`,
      );
    },
  );

  it('refuses a blackhole transit gateway route', async () => {
    tgwRoutes([route('static', ['tgw-attach-ours'], 'blackhole')]);
    await expect(plan()).rejects.toThrow(
      'already has a static route for 10.10.0.0/16 to a blackhole (tgw-attach-ours)',
    );
  });

  it('decides by the static route when a propagated one exists too (static wins on a transit gateway)', async () => {
    tgwRoutes([
      route('propagated', ['tgw-attach-theirs']),
      route('static', ['tgw-attach-ours']),
    ]);
    const { changes, writes } = await plan();
    expect(changes.at(-1)).toMatchObject({
      kind: 'transit-gateway',
      status: 'already-present',
    });
    expect(writes.map(write => write.op)).not.toContain('create-tgw-route');
  });

  it('writes no static route when the provider CIDR is propagated from its own attachment, and says why', async () => {
    tgwRoutes([route('propagated', ['tgw-attach-ours'])]);
    const { changes, writes } = await plan();
    expect(changes.at(-1)).toEqual({
      kind: 'transit-gateway',
      accountId: '111122223333',
      region: 'eu-west-1',
      routeTableId: 'tgw-rtb-1',
      destinationCidrBlock: '10.10.0.0/16',
      target: 'tgw-attach-ours',
      status: 'already-present',
      coveredBy: 'propagated from tgw-attach-ours',
    });
    expect(writes.map(write => write.op)).not.toContain('create-tgw-route');
  });

  it('refuses when a consumer attachment is not associated with the configured route table', async () => {
    network.ec2.on(GetTransitGatewayRouteTableAssociationsCommand).resolves({
      Associations: [
        { TransitGatewayAttachmentId: 'tgw-attach-ours', State: 'associated' },
        // Being taken off the table: no longer routed by it.
        { TransitGatewayAttachmentId: 'tgw-attach-c', State: 'disassociating' },
      ],
    });
    await expect(plan()).rejects.toThrow(
      'consumer c: its attachment tgw-attach-c is not associated with transit gateway route table tgw-rtb-1 ' +
        '(internalApi.transitGateway.routeTableId), so its traffic would never use the route to the API.',
    );
  });

  it('refuses a consumer whose attachment has no subnet in a zone its subnets use', async () => {
    network.ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: 'subnet-c1', AvailabilityZone: 'eu-west-1a' },
        { SubnetId: 'subnet-c2', AvailabilityZone: 'eu-west-1b' },
      ],
    });
    // subnet-c2 has no table of its own: it uses the main table, so zone b is in use.
    network.routeTables({
      'vpc-a': [{ RouteTableId: 'rtb-a', Routes: [] }],
      'vpc-c': [
        {
          RouteTableId: 'rtb-c',
          Routes: [],
          Associations: [{ SubnetId: 'subnet-c1' }],
        },
        {
          RouteTableId: 'rtb-main',
          Routes: [],
          Associations: [{ Main: true }],
        },
      ],
    });
    await expect(plan()).rejects.toThrow(
      'consumer c: transit gateway attachment tgw-attach-c has no subnet in eu-west-1b, where its subnets are',
    );
  });

  it('plans as plain data: each planned route has one write, named after the route', async () => {
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
    network.ec2
      .on(DescribeTransitGatewayVpcAttachmentsCommand)
      .resolves({ TransitGatewayVpcAttachments: [] });
    await expect(plan()).rejects.toThrow(
      'provider vpc-a has no available attachment to transit gateway tgw-1; ask the network team to attach it first',
    );
  });

  it.each(['pending', 'deleting', 'failed'])(
    "does not take a consumer's %s attachment for one",
    async state => {
      network.ec2.on(DescribeTransitGatewayVpcAttachmentsCommand).resolves({
        TransitGatewayVpcAttachments: [
          network.attachment('tgw-attach-ours', 'vpc-a', ['subnet-a1']),
          {
            ...network.attachment('tgw-attach-c', 'vpc-c', ['subnet-c1']),
            State: state as 'pending',
          },
        ],
      });
      await expect(plan()).rejects.toThrow(
        `consumer c has no available attachment to transit gateway tgw-1 (tgw-attach-c is ${state}); ask the network team to attach it first`,
      );
    },
  );
});
