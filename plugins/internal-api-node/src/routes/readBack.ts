import type { EC2Client } from '@aws-sdk/client-ec2';
import { ExistingRoute, readRouteTables } from '../aws/routeTables';
import { findTgwRoutes } from '../aws/transitGateway';

/**
 * The routes a table holds now for exactly one destination, read back after
 * EC2 answered a create or delete unexpectedly ("already exists", "not
 * found"): in a VPC table (`vpcId` given) its one route, in a transit
 * gateway table its static and propagated ones, each with its `type`.
 */
export async function readRoutesBack(
  ec2: EC2Client,
  route: { routeTableId: string; destinationCidrBlock: string },
  vpcId: string | undefined,
): Promise<(ExistingRoute & { type?: string })[]> {
  if (vpcId === undefined) {
    return findTgwRoutes(ec2, route.routeTableId, route.destinationCidrBlock);
  }
  const [table] = await readRouteTables(ec2, vpcId, [route.routeTableId]);
  return (table?.routes ?? []).filter(
    existing => existing.destinationCidrBlock === route.destinationCidrBlock,
  );
}
