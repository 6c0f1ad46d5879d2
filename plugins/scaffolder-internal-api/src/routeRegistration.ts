import type { EC2Client } from '@aws-sdk/client-ec2';
import { InputError } from '@backstage/errors';
import type {
  AwsLocation,
  ConsumerNetwork,
  TransitGatewayConfig,
} from './config';
import { describeVpc } from './aws/network';
import {
  createStaticTgwRoute,
  createTransitGatewayRoute,
  describeRouteTables,
  findStaticTgwRoute,
  findVpcAttachment,
} from './aws/routes';
import {
  isOurRoute,
  planVpcRoutes,
  RouteChange,
  RouteConflict,
} from './routing';
import type { Checkpoint } from './delegation';

/** A VPC side of the registration: where it is, and the client that reaches it. */
export interface VpcSide {
  label: string;
  location: AwsLocation;
  vpcId: string;
  ec2: EC2Client;
  /** Only these route tables (the provider's subnets); default: every table in the VPC. */
  routeTableIds?: string[];
}

export interface RoutePlan {
  providerCidr: string;
  /** In the order the consumers were given. */
  consumerCidrs: string[];
  changes: RouteChange[];
  /** How to make each planned change; absent for routes that are already present. */
  writes: Map<RouteChange, () => Promise<'created' | 'already-present'>>;
}

/**
 * Read-only: two describe calls per VPC and two for the transit gateway,
 * however many route tables there are. Throws one InputError listing every
 * conflict, so nothing is written unless everything can be.
 */
export async function planRouteRegistration(options: {
  provider: VpcSide;
  consumers: VpcSide[];
  transitGateway: TransitGatewayConfig;
  network: EC2Client;
}): Promise<RoutePlan> {
  const { provider, consumers, transitGateway, network } = options;
  const cidrOf = async (side: VpcSide) => {
    const vpc = await describeVpc(side.ec2, side.vpcId);
    if (!vpc) {
      throw new InputError(
        `${side.label}: VPC ${side.vpcId} was not found in account ${side.location.accountId}, region ${side.location.region}.`,
      );
    }
    return vpc.vpcCidr;
  };
  const providerCidr = await cidrOf(provider);
  const consumerCidrs = await Promise.all(consumers.map(cidrOf));

  const plans = [
    ...(await Promise.all(
      consumers.map(async (consumer, index) =>
        planSide(
          consumer,
          consumerCidrs[index],
          [providerCidr],
          transitGateway.id,
        ),
      ),
    )),
    await planSide(provider, providerCidr, consumerCidrs, transitGateway.id),
  ];
  const changes = plans.flatMap(p => p.changes);
  const conflicts: RouteConflict[] = plans.flatMap(p => p.conflicts);
  const writes = new Map<
    RouteChange,
    () => Promise<'created' | 'already-present'>
  >();
  for (const p of plans) {
    for (const [change, write] of p.writes) {
      writes.set(change, write);
    }
  }

  if (transitGateway.routeTableId) {
    const tgwRouteTableId = transitGateway.routeTableId;
    const attachmentId = await findVpcAttachment(
      network,
      transitGateway.id,
      provider.vpcId,
    );
    if (!attachmentId) {
      conflicts.push(
        `${provider.vpcId} is not attached to transit gateway ${transitGateway.id}; ask the network team to attach it first`,
      );
    } else {
      const existing = await findStaticTgwRoute(
        network,
        tgwRouteTableId,
        providerCidr,
      );
      if (existing && !isOurRoute(existing, attachmentId)) {
        conflicts.push(
          `transit gateway route table ${tgwRouteTableId} already routes ${providerCidr} to ` +
            `${
              existing.state === 'blackhole' ? 'a blackhole' : existing.target
            }`,
        );
      } else {
        const change: RouteChange = {
          kind: 'transit-gateway',
          accountId: transitGateway.accountId,
          region: transitGateway.region,
          routeTableId: tgwRouteTableId,
          destinationCidrBlock: providerCidr,
          target: attachmentId,
          status: existing ? 'already-present' : 'planned',
        };
        changes.push(change);
        if (!existing) {
          writes.set(change, async () => {
            await createStaticTgwRoute(
              network,
              tgwRouteTableId,
              providerCidr,
              attachmentId,
            );
            return 'created';
          });
        }
      }
    }
  }

  if (conflicts.length > 0) {
    throw new InputError(
      `Cannot register the routes; nothing was written:\n- ${conflicts.join(
        '\n- ',
      )}\n` +
        'Ask the owner of each route table to remove or change the route, or choose other consumers.',
    );
  }
  return { changes, writes, providerCidr, consumerCidrs };
}

async function planSide(
  side: VpcSide,
  vpcCidr: string,
  destinations: string[],
  transitGatewayId: string,
) {
  const tables = await describeRouteTables(
    side.ec2,
    side.vpcId,
    side.routeTableIds,
  );
  const missing =
    side.routeTableIds?.filter(
      id => !tables.some(t => t.routeTableId === id),
    ) ?? [];
  if (missing.length > 0) {
    throw new InputError(
      `subnets: route tables ${missing.join(', ')} are not in ${side.vpcId}.`,
    );
  }
  const writes = new Map<
    RouteChange,
    () => Promise<'created' | 'already-present'>
  >();
  const results = destinations.map(destinationCidrBlock =>
    planVpcRoutes({
      accountId: side.location.accountId,
      region: side.location.region,
      vpcLabel: side.label,
      vpcCidr,
      tables,
      destinationCidrBlock,
      transitGatewayId,
    }),
  );
  const changes = results.flatMap(r => r.changes);
  for (const change of changes.filter(c => c.status === 'planned')) {
    writes.set(change, async () => {
      const outcome = await createTransitGatewayRoute(
        side.ec2,
        change.routeTableId,
        change.destinationCidrBlock,
        transitGatewayId,
      );
      if (outcome === 'created') {
        return 'created';
      }
      // Someone added the destination since the plan (or an earlier try did): keep it only if it is ours.
      const [table] = await describeRouteTables(side.ec2, side.vpcId, [
        change.routeTableId,
      ]);
      const route = table?.routes.find(
        r => r.destinationCidrBlock === change.destinationCidrBlock,
      );
      if (route && isOurRoute(route, transitGatewayId)) {
        return 'already-present';
      }
      throw new InputError(
        `${change.routeTableId} (${side.label}) now routes ${change.destinationCidrBlock} to ${route?.target}; it changed while the task ran.`,
      );
    });
  }
  return { changes, conflicts: results.flatMap(r => r.conflicts), writes };
}

/** Makes each planned write under a checkpoint named after the route it writes, in plan order. */
export async function applyRouteRegistration(
  plan: RoutePlan,
  checkpoint: Checkpoint,
): Promise<RouteChange[]> {
  const done: RouteChange[] = [];
  for (const change of plan.changes) {
    const write = plan.writes.get(change);
    if (!write) {
      done.push(change);
      continue;
    }
    const status = await checkpoint(
      `internal-api:tgw:route:${change.accountId}:${change.routeTableId}:${change.destinationCidrBlock}`,
      write,
    );
    done.push({ ...change, status });
  }
  return done;
}

export function consumerSides(
  consumers: ConsumerNetwork[],
  clients: EC2Client[],
): VpcSide[] {
  return consumers.map((consumer, index) => ({
    label: `consumer ${consumer.name} (${consumer.vpcId})`,
    location: consumer,
    vpcId: consumer.vpcId,
    ec2: clients[index],
  }));
}
