import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import {
  deleteRoute,
  deleteStaticTgwRoute,
  mayDeleteRoute,
  mayDeleteStaticTgwRoute,
} from '../aws/routeRemovals';
import { targetText } from '../aws/routeTables';
import { changesAfter, Checkpoint, withCreatedBefore } from '../checkpoint';
import type { DeregistrationPlan, RouteRemovalWrite } from './deregisterPlan';
import type { RouteRemoval } from './deregisterRules';
import { proveEc2WritesAllowed } from './permissions';
import { readRoutesBack } from './readBack';

/** A route for a log line or an error: `rtb-1 10.1.0.0/16 -> tgw-1`. */
export const removalText = (route: RouteRemoval) =>
  `${route.routeTableId} ${route.destinationCidrBlock} -> ${route.target}`;

const operationOf = (write: RouteRemovalWrite) =>
  write.op === 'delete-tgw-route' ? 'DeleteTransitGatewayRoute' : 'DeleteRoute';

/**
 * Deletes each planned route under its checkpoint, in plan order, and returns
 * every route with its status. No read comes between the deletes: the plan
 * read everything first. When a delete fails, the error says which routes the
 * task had already removed (a run with the same values finds them absent).
 */
export async function applyRouteDeregistration(
  plan: DeregistrationPlan,
  clients: AwsClients,
  checkpoint: Checkpoint,
): Promise<RouteRemoval[]> {
  const written = new Map<number, RouteRemoval['status']>();
  for (const write of plan.writes) {
    const change = plan.changes[write.change];
    try {
      written.set(
        write.change,
        await checkpoint(write.checkpointKey, () =>
          removeRoute(clients, change, write),
        ),
      );
    } catch (error) {
      throw withCreatedBefore(error, plan.changes, written, {
        describe: removalText,
        status: 'removed',
        created:
          'Routes removed before this failure (a run with the same values finds them absent)',
        nothing: 'No route was removed before this failure.',
      });
    }
  }
  return changesAfter(plan.changes, written);
}

/**
 * Read-only: every planned delete sent as an EC2 dry run (see
 * proveEc2WritesAllowed), so a role that may not make one fails the check
 * step before anything is removed.
 */
export async function proveRouteRemovalsAllowed(
  plan: DeregistrationPlan,
  clients: AwsClients,
): Promise<void> {
  await proveEc2WritesAllowed(
    plan.writes.map(write => {
      const change = plan.changes[write.change];
      return {
        accountId: change.accountId,
        region: change.region,
        operation: operationOf(write),
        text: removalText(change),
        allowed: ec2 =>
          write.op === 'delete-tgw-route'
            ? mayDeleteStaticTgwRoute(ec2, change)
            : mayDeleteRoute(ec2, change),
      };
    }),
    clients,
    { writes: 'deletes', nothingChanged: 'nothing was removed' },
  );
}

async function removeRoute(
  clients: AwsClients,
  change: RouteRemoval,
  write: RouteRemovalWrite,
): Promise<'removed' | 'absent'> {
  const ec2 = await clients.ec2(change);
  const outcome =
    write.op === 'delete-tgw-route'
      ? await deleteStaticTgwRoute(ec2, change)
      : await deleteRoute(ec2, change);
  if (outcome === 'deleted') {
    return 'removed';
  }
  // EC2 says it is not there: an earlier try removed it, or someone else did. Make sure.
  const routes = await readRoutesBack(
    ec2,
    change,
    write.op === 'delete-vpc-route' ? write.vpcId : undefined,
  );
  // Only a static transit gateway route is ours to delete; a propagated one is not a leftover.
  const route =
    write.op === 'delete-tgw-route'
      ? routes.find(found => found.type === 'static')
      : routes[0];
  if (!route) {
    return 'absent';
  }
  throw new InputError(
    `${change.routeTableId} (account ${change.accountId}) still routes ${
      change.destinationCidrBlock
    } to ${targetText(
      route,
    )}, although EC2 answered that the route was not found. ` +
      'Nothing was replaced: run the task again.',
  );
}
