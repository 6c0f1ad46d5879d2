import {
  DeleteRouteCommand,
  DeleteTransitGatewayRouteCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../aws/access';
import {
  applyRouteDeregistration,
  proveRouteRemovalsAllowed,
} from './deregisterApply';
import type { DeregistrationPlan } from './deregisterPlan';

/**
 * Removing routes with EC2 mocked, for what happens between plan and write
 * (a route gone or changed meanwhile) and for failures halfway. The plan is
 * plain data, written here by hand as planRouteDeregistration returns it.
 */
describe('applying a route deregistration with EC2 mocked', () => {
  const ec2 = mockClient(EC2Client);
  const clients: AwsClients = {
    ec2: async () => new EC2Client({ region: 'eu-west-1' }),
    route53: async () => {
      throw new Error('routes do not use Route 53');
    },
  };
  const vpcRoute = (
    accountId: string,
    vpcId: string,
    table: string,
    cidr: string,
  ) => ({
    kind: 'vpc' as const,
    accountId,
    region: 'eu-west-1',
    vpcId,
    routeTableId: table,
    destinationCidrBlock: cidr,
    target: 'tgw-1',
    consumer: 'customer-api',
    status: 'planned' as const,
  });
  const plan: DeregistrationPlan = {
    changes: [
      vpcRoute('777788889999', 'vpc-c', 'rtb-c', '10.10.0.0/16'),
      vpcRoute('444455556666', 'vpc-a', 'rtb-a', '10.40.0.0/16'),
      {
        kind: 'transit-gateway',
        accountId: '111122223333',
        region: 'eu-west-1',
        routeTableId: 'tgw-rtb-1',
        destinationCidrBlock: '10.10.0.0/16',
        target: 'tgw-attach-a',
        status: 'planned',
      },
    ],
    writes: [
      {
        op: 'delete-vpc-route',
        vpcId: 'vpc-c',
        change: 0,
        checkpointKey: 'k-c',
      },
      {
        op: 'delete-vpc-route',
        vpcId: 'vpc-a',
        change: 1,
        checkpointKey: 'k-a',
      },
      { op: 'delete-tgw-route', change: 2, checkpointKey: 'k-tgw' },
    ],
    providerCidr: '10.10.0.0/16',
    consumerNetworks: [{ name: 'customer-api', cidr: '10.40.0.0/16' }],
    skipped: [],
  };
  const noCheckpoint = async <T>(_key: string, fn: () => Promise<T>) => fn();
  const notFound = () =>
    Object.assign(new Error('no route with destination-cidr-block'), {
      name: 'InvalidRoute.NotFound',
    });
  beforeEach(() => {
    ec2.reset();
    ec2.on(DeleteRouteCommand).resolves({});
    ec2.on(DeleteTransitGatewayRouteCommand).resolves({});
  });

  it('removes each planned route once, under its checkpoint, in plan order', async () => {
    const done = new Map<string, unknown>();
    const checkpoint = async <T>(key: string, fn: () => Promise<T>) => {
      if (!done.has(key)) done.set(key, await fn());
      return done.get(key) as T;
    };
    const routes = await applyRouteDeregistration(plan, clients, checkpoint);
    expect(routes.map(route => route.status)).toEqual([
      'removed',
      'removed',
      'removed',
    ]);
    expect(
      ec2.commandCalls(DeleteRouteCommand).map(c => c.args[0].input),
    ).toEqual([
      { RouteTableId: 'rtb-c', DestinationCidrBlock: '10.10.0.0/16' },
      { RouteTableId: 'rtb-a', DestinationCidrBlock: '10.40.0.0/16' },
    ]);
    // A retry of the task finds every result in its checkpoints: nothing is sent again.
    await applyRouteDeregistration(plan, clients, checkpoint);
    expect(ec2.commandCalls(DeleteRouteCommand)).toHaveLength(2);
    expect(ec2.commandCalls(DeleteTransitGatewayRouteCommand)).toHaveLength(1);
  });

  it('counts a route someone removed after planning as absent, once a read confirms it', async () => {
    ec2.on(DeleteRouteCommand, { RouteTableId: 'rtb-a' }).rejects(notFound());
    ec2.on(DeleteTransitGatewayRouteCommand).rejects(notFound());
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [{ RouteTableId: 'rtb-a', Routes: [] }],
    });
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes: [] });
    const routes = await applyRouteDeregistration(plan, clients, noCheckpoint);
    expect(routes.map(route => route.status)).toEqual([
      'removed',
      'absent',
      'absent',
    ]);
  });

  it('stops when EC2 says not found but the route is still there, naming what it removed', async () => {
    ec2.on(DeleteRouteCommand, { RouteTableId: 'rtb-a' }).rejects(notFound());
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        {
          RouteTableId: 'rtb-a',
          Routes: [
            { DestinationCidrBlock: '10.40.0.0/16', GatewayId: 'igw-1' },
          ],
        },
      ],
    });
    await expect(
      applyRouteDeregistration(plan, clients, noCheckpoint),
    ).rejects.toThrow(
      'rtb-a (account 444455556666) still routes 10.40.0.0/16 to igw-1, although EC2 answered that the route was not found. ' +
        'Nothing was replaced: run the task again.\n' +
        'Routes removed before this failure (a run with the same values finds them absent):\n' +
        '- rtb-c 10.10.0.0/16 -> tgw-1',
    );
    expect(ec2.commandCalls(DeleteTransitGatewayRouteCommand)).toHaveLength(0);
  });

  it('says when nothing was removed before a failure', async () => {
    ec2.on(DeleteRouteCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'RequestLimitExceeded',
      }),
    );
    await expect(
      applyRouteDeregistration(plan, clients, noCheckpoint),
    ).rejects.toThrow(
      /^Rate exceeded\.\nNo route was removed before this failure\.$/,
    );
  });

  it('proves each delete with a dry run, naming every one the role may not make', async () => {
    const answer = (name: string) => Object.assign(new Error(name), { name });
    ec2
      .on(DeleteRouteCommand, { DryRun: true })
      .rejects(answer('DryRunOperation'));
    ec2
      .on(DeleteRouteCommand, { RouteTableId: 'rtb-a', DryRun: true })
      .rejects(answer('UnauthorizedOperation'));
    ec2
      .on(DeleteTransitGatewayRouteCommand, { DryRun: true })
      .rejects(answer('UnauthorizedOperation'));
    await expect(proveRouteRemovalsAllowed(plan, clients)).rejects.toThrow(
      'The role the platform uses in these accounts may not make these deletes; nothing was removed:\n' +
        '- ec2:DeleteRoute in account 444455556666 (eu-west-1):\n  rtb-a 10.40.0.0/16 -> tgw-1\n' +
        '- ec2:DeleteTransitGatewayRoute in account 111122223333 (eu-west-1):\n  tgw-rtb-1 10.10.0.0/16 -> tgw-attach-a\n',
    );
  });
});
