import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetTransitGatewayRouteTableAssociationsCommand,
  RouteTable,
  SearchTransitGatewayRoutesCommand,
  TransitGatewayRoute,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../aws/access';
import { planRouteRegistration } from '../routes/plan';
import type { VpcSide } from '../routes/vpcSide';

/**
 * A provider VPC (vpc-a, 10.10.0.0/16, table rtb-a) and one consumer (vpc-c,
 * 10.40.0.0/16, subnet-c1 in zone a with table rtb-c), both attached to
 * tgw-1 and associated with tgw-rtb-1, with EC2 mocked: for what the emulator
 * cannot show (attachments of transit gateway routes, propagation, attachment
 * states, associations it always makes). Each test changes one answer.
 */
export function mockedRouteLandscape() {
  const ec2 = mockClient(EC2Client);
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

  const routeTables = (byVpc: Record<string, RouteTable[]>) =>
    ec2.on(DescribeRouteTablesCommand).callsFake(input => ({
      RouteTables: byVpc[input.Filters[0].Values[0]] ?? [],
    }));
  const tgwRoutes = (Routes: TransitGatewayRoute[]) =>
    ec2.on(SearchTransitGatewayRoutesCommand).resolves({ Routes });
  const attachment = (id: string, vpcId: string, subnetIds: string[]) => ({
    TransitGatewayAttachmentId: id,
    VpcId: vpcId,
    State: 'available' as const,
    SubnetIds: subnetIds,
  });

  function reset() {
    ec2.reset();
    ec2
      .on(DescribeVpcsCommand, { VpcIds: ['vpc-a'] })
      .resolves({ Vpcs: [{ CidrBlock: '10.10.0.0/16' }] });
    ec2
      .on(DescribeVpcsCommand, { VpcIds: ['vpc-c'] })
      .resolves({ Vpcs: [{ CidrBlock: '10.40.0.0/16' }] });
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [{ SubnetId: 'subnet-c1', AvailabilityZone: 'eu-west-1a' }],
    });
    routeTables({
      'vpc-a': [{ RouteTableId: 'rtb-a', Routes: [] }],
      'vpc-c': [
        {
          RouteTableId: 'rtb-c',
          Routes: [],
          Associations: [{ SubnetId: 'subnet-c1' }],
        },
      ],
    });
    ec2.on(DescribeTransitGatewayVpcAttachmentsCommand).resolves({
      TransitGatewayVpcAttachments: [
        attachment('tgw-attach-ours', 'vpc-a', ['subnet-a1']),
        attachment('tgw-attach-c', 'vpc-c', ['subnet-c1']),
      ],
    });
    ec2.on(GetTransitGatewayRouteTableAssociationsCommand).resolves({
      Associations: [
        { TransitGatewayAttachmentId: 'tgw-attach-ours', State: 'associated' },
        { TransitGatewayAttachmentId: 'tgw-attach-c', State: 'associated' },
      ],
    });
    tgwRoutes([]);
  }

  return { ec2, clients, plan, reset, routeTables, tgwRoutes, attachment };
}
