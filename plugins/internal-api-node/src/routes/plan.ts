import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import { allInOrder } from '../aws/allInOrder';
import type { Plan, PlannedWrite } from '../checkpoint';
import { cidrsOverlap } from '../cidr';
import {
  assertTransitGatewayRegion,
  InternalApiConfig,
  TransitGatewayConfig,
} from '../config';
import type { RouteChange, RouteConflict } from './rules';
import { routeScope } from './scope';
import { startRouteReads } from './reads';
import { attachmentsOfSides, planTransitGatewayRoute } from './transitGateway';
import { planSide, SkippedRouteTable, VpcSide } from './vpcSide';

/**
 * A route apply creates. The route itself (account, table, destination,
 * target) is the change it points at; a VPC route also names its VPC, to
 * re-read the table when EC2 says the destination is taken.
 */
export type RouteWrite = PlannedWrite &
  (
    | { op: 'create-vpc-route'; vpcId: string; vpcLabel: string }
    | { op: 'create-tgw-route' }
  );

export type RoutePlan = Plan<RouteChange, RouteWrite> & {
  providerCidr: string;
  /** In the order the consumers were given. */
  consumerCidrs: string[];
  /** Route tables the plan leaves alone, and why. */
  skipped: SkippedRouteTable[];
};

/**
 * Consumers whose CIDRs overlap each other: the provider's return routes
 * could send one consumer's answers to the other.
 */
function consumerOverlaps(consumers: VpcSide[], cidrs: string[]) {
  const conflicts: RouteConflict[] = [];
  consumers.forEach((a, i) =>
    consumers.slice(i + 1).forEach((b, offset) => {
      const j = i + 1 + offset;
      if (cidrsOverlap(cidrs[i], cidrs[j])) {
        conflicts.push(
          `${a.label} (${cidrs[i]}) and ${b.label} (${cidrs[j]}) overlap; the provider's return routes could not tell them apart: choose one of them`,
        );
      }
    }),
  );
  return conflicts;
}

/** Names the route, so a retried task finds the result of its earlier write. */
const checkpointKeyOf = (change: RouteChange) =>
  `internal-api:tgw:route:${change.accountId}:${change.routeTableId}:${change.destinationCidrBlock}`;

/** What internal-api:tgw:register-routes asks for. */
export interface RouteRequest {
  accountId: string;
  region: string;
  vpcId: string;
  /** The route tables of the API's subnets. */
  routeTableIds: string[];
  /** Names from internalApi.consumers. */
  consumers: string[];
}

/**
 * Read-only: checks the request against the config (before any AWS call), then
 * two describe calls per VPC (three for a consumer: its subnets) and three for
 * the transit gateway, however many route tables there are, all at once but
 * one (startRouteReads). Throws one InputError listing every conflict, so
 * nothing is written unless everything can be.
 */
export async function planRoutes(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: RouteRequest,
): Promise<RoutePlan & { consumerNetworks: { name: string; cidr: string }[] }> {
  const { transitGateway, account, consumers, provider, consumerSides } =
    routeScope(internalApi, request, { vpcIdCanBeEmpty: false });
  assertTransitGatewayRegion(
    `Account ${account.accountId} (${account.title})`,
    account,
    transitGateway,
  );
  for (const consumer of consumers) {
    assertTransitGatewayRegion(
      `Consumer ${consumer.name} (account ${consumer.accountId})`,
      consumer,
      transitGateway,
    );
  }
  const plan = await planRouteRegistration(clients, {
    provider: {
      ...provider,
      routeTableIds: [...new Set(request.routeTableIds)],
    },
    consumers: consumerSides,
    transitGateway,
  });
  return {
    ...plan,
    consumerNetworks: consumers.map(({ name }, index) => ({
      name,
      cidr: plan.consumerCidrs[index],
    })),
  };
}

/** The plan for sides already checked against the config. */
export async function planRouteRegistration(
  clients: AwsClients,
  options: {
    provider: VpcSide;
    consumers: VpcSide[];
    transitGateway: TransitGatewayConfig;
  },
): Promise<RoutePlan> {
  const { provider, consumers, transitGateway } = options;
  const reads = startRouteReads(clients, options);
  await reads.settled;
  // Decided in the order the reads were once made in: a missing VPC first.
  const providerCidr = await reads.providerCidr;
  const consumerCidrs = await allInOrder(reads.consumerCidrs);
  const overlappingConsumers = consumerOverlaps(consumers, consumerCidrs);

  const sides = [
    ...(await allInOrder(reads.consumerSides)).map((read, index) =>
      planSide(read, consumerCidrs[index], [providerCidr], transitGateway.id),
    ),
    planSide(
      await reads.providerSide,
      providerCidr,
      consumerCidrs,
      transitGateway.id,
    ),
  ];
  const changes: RouteChange[] = [];
  const writes: RouteWrite[] = [];
  const conflicts: RouteConflict[] = [
    ...overlappingConsumers,
    ...sides.flatMap(side => side.conflicts),
  ];
  for (const { side, changes: sideChanges } of sides) {
    for (const change of sideChanges) {
      if (change.status === 'planned') {
        writes.push({
          op: 'create-vpc-route',
          change: changes.length,
          checkpointKey: checkpointKeyOf(change),
          vpcId: side.vpcId,
          vpcLabel: side.label,
        });
      }
      changes.push(change);
    }
  }

  const attachments = attachmentsOfSides(
    await reads.attachments,
    transitGateway,
    sides,
  );
  conflicts.push(...attachments.conflicts);
  const providerAttachment = attachments.of.get(provider.vpcId);

  const { routeTableId } = transitGateway;
  if (routeTableId && providerAttachment) {
    const tgwRoute = planTransitGatewayRoute(
      (await reads.transitGatewayTable)!,
      { ...transitGateway, routeTableId },
      { attachmentId: providerAttachment.attachmentId, cidr: providerCidr },
      consumers.flatMap(consumer => {
        const attachment = attachments.of.get(consumer.vpcId);
        return attachment
          ? [{ label: consumer.label, attachmentId: attachment.attachmentId }]
          : [];
      }),
    );
    conflicts.push(...tgwRoute.conflicts);
    if (tgwRoute.change) {
      if (tgwRoute.change.status === 'planned') {
        writes.push({
          op: 'create-tgw-route',
          change: changes.length,
          checkpointKey: checkpointKeyOf(tgwRoute.change),
        });
      }
      changes.push(tgwRoute.change);
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
  return {
    changes,
    writes,
    providerCidr,
    consumerCidrs,
    skipped: sides.flatMap(side => side.skipped),
  };
}
