import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import { createTransitGatewayRoute, readRouteTables } from '../aws/routeTables';
import { createStaticTgwRoute } from '../aws/transitGateway';
import { changesAfter, Checkpoint } from '../checkpoint';
import type { RoutePlan, RouteWrite } from './plan';
import { isOurRoute, RouteChange } from './rules';

/** Makes each planned write under its checkpoint, in plan order; returns every route with its status. */
export async function applyRoutes(
  plan: RoutePlan,
  clients: AwsClients,
  checkpoint: Checkpoint,
): Promise<RouteChange[]> {
  const written = new Map<number, RouteChange['status']>();
  for (const write of plan.writes) {
    const change = plan.changes[write.change];
    written.set(
      write.change,
      await checkpoint(write.checkpointKey, () =>
        createRoute(clients, change, write),
      ),
    );
  }
  return changesAfter(plan.changes, written);
}

async function createRoute(
  clients: AwsClients,
  change: RouteChange,
  write: RouteWrite,
): Promise<'created' | 'already-present'> {
  const ec2 = await clients.ec2(change);
  if (write.op === 'create-tgw-route') {
    await createStaticTgwRoute(
      ec2,
      change.routeTableId,
      change.destinationCidrBlock,
      change.target,
    );
    return 'created';
  }
  const outcome = await createTransitGatewayRoute(
    ec2,
    change.routeTableId,
    change.destinationCidrBlock,
    change.target,
  );
  if (outcome === 'created') {
    return 'created';
  }
  // Someone added the destination since the plan (or an earlier try did): keep it only if it is ours.
  const [table] = await readRouteTables(ec2, write.vpcId, [
    change.routeTableId,
  ]);
  const route = table?.routes.find(
    r => r.destinationCidrBlock === change.destinationCidrBlock,
  );
  if (route && isOurRoute(route, change.target)) {
    return 'already-present';
  }
  throw new InputError(
    `${change.routeTableId} (${write.vpcLabel}) now routes ${change.destinationCidrBlock} to ${route?.target}; it changed while the task ran.`,
  );
}
