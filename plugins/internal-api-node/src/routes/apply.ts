import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import {
  createTransitGatewayRoute,
  leadsOnlyTo,
  mayCreateTransitGatewayRoute,
  targetText,
} from '../aws/routeTables';
import {
  createStaticTgwRoute,
  mayCreateStaticTgwRoute,
} from '../aws/transitGateway';
import {
  changesAfter,
  Checkpoint,
  withCreatedBefore,
  writeAtOnce,
} from '../checkpoint';
import type { RoutePlan, RouteWrite } from './plan';
import { proveEc2WritesAllowed } from './permissions';
import { readRoutesBack } from './readBack';
import type { RouteChange } from './rules';

/** A route for a log line or an error: `rtb-1 10.1.0.0/16 -> tgw-1`. */
export const routeText = (route: RouteChange) =>
  `${route.routeTableId} ${route.destinationCidrBlock} -> ${route.target}`;

/**
 * Makes the planned writes, each under its checkpoint, all at once (each is a
 * route of its own; see writeAtOnce); returns every route with its status.
 * Reads nothing the plan read: only a write EC2 refuses as already there is
 * read back. When a write fails, the error follows the first failure in plan
 * order and says which routes the task created, so nothing it left behind
 * goes unmentioned (a run with the same values finds them present and
 * converges).
 */
export async function applyRoutes(
  plan: RoutePlan,
  clients: AwsClients,
  checkpoint: Checkpoint,
): Promise<RouteChange[]> {
  const { written, failure } = await writeAtOnce(
    plan.writes,
    checkpoint,
    write => createRoute(clients, plan.changes[write.change], write),
  );
  if (failure) {
    throw withCreatedBefore(failure, plan.changes, written, {
      describe: routeText,
      created:
        'Routes created before this failure (a run with the same values keeps them)',
      nothing: 'No route was created before this failure.',
    });
  }
  return changesAfter(plan.changes, written);
}

/**
 * Read-only: every planned write sent as an EC2 dry run (see
 * proveEc2WritesAllowed), so a role that may not make one fails the check step.
 */
export async function proveRouteWritesAllowed(
  plan: RoutePlan,
  clients: AwsClients,
): Promise<void> {
  await proveEc2WritesAllowed(
    plan.writes.map(write => {
      const change = plan.changes[write.change];
      const tgw = write.op === 'create-tgw-route';
      return {
        accountId: change.accountId,
        region: change.region,
        operation: tgw ? 'CreateTransitGatewayRoute' : 'CreateRoute',
        text: routeText(change),
        allowed: ec2 =>
          tgw
            ? mayCreateStaticTgwRoute(ec2, change)
            : mayCreateTransitGatewayRoute(ec2, change),
      };
    }),
    clients,
    { writes: 'writes', nothingChanged: 'nothing was written' },
  );
}

async function createRoute(
  clients: AwsClients,
  change: RouteChange,
  write: RouteWrite,
): Promise<'created' | 'already-present'> {
  const ec2 = await clients.ec2(change);
  const outcome =
    write.op === 'create-tgw-route'
      ? await createStaticTgwRoute(ec2, change)
      : await createTransitGatewayRoute(ec2, change);
  if (outcome === 'created') {
    return 'created';
  }
  // Someone added the destination since the plan (or an earlier try did): keep it only if it is ours.
  const routes = await readRoutesBack(
    ec2,
    change,
    write.op === 'create-vpc-route' ? write.vpcId : undefined,
  );
  // A transit gateway table's static route is the one we create; a propagated one may stand in its place.
  const route = routes.find(found => found.type === 'static') ?? routes[0];
  if (route && leadsOnlyTo(route, change.target)) {
    return 'already-present';
  }
  throw new InputError(
    `${change.routeTableId} (${
      write.op === 'create-vpc-route'
        ? write.vpcLabel
        : 'transit gateway route table'
    }) now routes ${change.destinationCidrBlock} to ${
      route ? targetText(route) : 'an unknown target'
    }; it changed while the task ran. Nothing was replaced: ask the table's owner, then run the task again.`,
  );
}
