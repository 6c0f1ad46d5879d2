import {
  DeleteRouteCommand,
  DeleteTransitGatewayRouteCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { dryRunAllows } from './ec2Writes';
import type { RouteSpec } from './routeTables';

/** A route to delete: the table and the exact CIDR (EC2 deletes by destination, whatever the target). */
export type RouteToDelete = Pick<
  RouteSpec,
  'routeTableId' | 'destinationCidrBlock'
>;

// EC2's answers for a delete of something that is not there: the route
// (VPC and transit gateway tables alike), or its table.
const NOT_FOUND = ['InvalidRoute.NotFound', 'InvalidRouteTableID.NotFound'];

/**
 * Sends a delete call; 'not-found' when EC2 answers that the route (or its
 * table) is not there: gone already, by an earlier try or by someone else.
 * The caller re-reads to be sure.
 */
async function deletedOrNotFound(
  send: () => Promise<unknown>,
): Promise<'deleted' | 'not-found'> {
  try {
    await send();
    return 'deleted';
  } catch (error) {
    if (NOT_FOUND.includes((error as Error).name)) {
      return 'not-found';
    }
    throw error;
  }
}

const deleteVpcRoute = (ec2: EC2Client, route: RouteToDelete, dryRun = false) =>
  ec2.send(
    new DeleteRouteCommand({
      RouteTableId: route.routeTableId,
      DestinationCidrBlock: route.destinationCidrBlock,
      DryRun: dryRun || undefined,
    }),
  );

/** Deletes the IPv4 route for exactly this CIDR from a VPC route table. */
export const deleteRoute = (ec2: EC2Client, route: RouteToDelete) =>
  deletedOrNotFound(() => deleteVpcRoute(ec2, route));

/** Whether the caller may delete the route (a dry run: deletes nothing). */
export const mayDeleteRoute = (ec2: EC2Client, route: RouteToDelete) =>
  dryRunAllows(ec2, client => deleteVpcRoute(client, route, true));

const deleteTgwRoute = (ec2: EC2Client, route: RouteToDelete, dryRun = false) =>
  ec2.send(
    new DeleteTransitGatewayRouteCommand({
      TransitGatewayRouteTableId: route.routeTableId,
      DestinationCidrBlock: route.destinationCidrBlock,
      DryRun: dryRun || undefined,
    }),
  );

/** Deletes the static route for exactly this CIDR from a transit gateway route table. */
export const deleteStaticTgwRoute = (ec2: EC2Client, route: RouteToDelete) =>
  deletedOrNotFound(() => deleteTgwRoute(ec2, route));

/** Whether the caller may delete the static route (a dry run: deletes nothing). */
export const mayDeleteStaticTgwRoute = (ec2: EC2Client, route: RouteToDelete) =>
  dryRunAllows(ec2, client => deleteTgwRoute(client, route, true));
