import {
  DescribeRouteTablesCommand,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import type { MotoServer } from '@internal/aws-sandbox';
import { ec2In } from './landscape';

/** Every non-local route of a VPC, as 'rtb-… 10.0.0.0/16' lines, sorted: the state to compare. */
export async function vpcRoutes(
  moto: MotoServer,
  accountId: string,
  vpcId: string,
): Promise<string[]> {
  const ec2 = await ec2In(moto, accountId);
  const { RouteTables = [] } = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
    }),
  );
  ec2.destroy();
  return RouteTables.flatMap(table =>
    (table.Routes ?? [])
      .filter(r => r.GatewayId !== 'local')
      .map(r => `${table.RouteTableId} ${r.DestinationCidrBlock}`),
  ).sort();
}

/** Static routes of a transit gateway route table, as CIDRs. */
export async function tgwRoutes(
  moto: MotoServer,
  accountId: string,
  routeTableId: string,
): Promise<string[]> {
  const ec2 = await ec2In(moto, accountId);
  const { Routes = [] } = await ec2.send(
    new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: routeTableId,
      Filters: [{ Name: 'type', Values: ['static'] }],
    }),
  );
  ec2.destroy();
  return Routes.map(r => r.DestinationCidrBlock!).sort();
}
