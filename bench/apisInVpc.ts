/**
 * The landscape the decommission and status benchmarks share: the seeded
 * sandbox plus, per size, a workload VPC shaped like Orders (three private
 * subnets with a route table each, two public ones on the main table) in an
 * account of its own, holding that many internal APIs. Each API is
 * delegated and routed to the same consumers by the core's own plan and
 * apply, as the Internal Fargate API template leaves it, and described by
 * the Component the template registers. The VPCs have the same shape, so a
 * difference in AWS calls between them comes from the number of APIs alone.
 */
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  addWorkloadVpc,
  Landscape,
  placementOf,
  privateSubnet,
  publicSubnet,
  Sandbox,
  startSandbox,
} from '@internal/aws-sandbox';
import {
  consumersAnnotation,
  INTERNAL_API_ANNOTATIONS,
} from '@internal/plugin-internal-api-common';
import {
  applyDelegation,
  applyRoutes,
  createInternalApiContext,
  planDelegation,
  planRoutes,
} from '@internal/plugin-internal-api-node';
import { silentLogger } from './measure';

/** Every API lists both seeded consumers: their VPCs are read, and routed, once per API. */
export const CONSUMERS = ['customer-api', 'partner-api'];

// Workload accounts the seeded landscape does not use, one per size.
const ACCOUNTS = ['333344445555', '666677778888'];

export type ApisInVpc = {
  sandbox: Sandbox;
  landscape: Landscape;
  /** The Components of each size's VPC, in creation order. */
  apis: Map<number, Entity[]>;
};

/**
 * Starts the sandbox (moto behind the recording proxy; AWS_ENDPOINT_URL
 * points at the proxy until `sandbox.stop()`) and builds one VPC per size.
 */
export async function startApisInVpc(sizes: number[]): Promise<ApisInVpc> {
  if (sizes.length > ACCOUNTS.length) {
    throw new Error(`At most ${ACCOUNTS.length} sizes: one account each`);
  }
  const sandbox = await startSandbox();
  try {
    let landscape: Landscape = sandbox.landscape;
    for (const [index, size] of sizes.entries()) {
      const octet = 60 + index;
      landscape = await addWorkloadVpc(sandbox.moto, landscape, {
        name: `apis-${size}`,
        title: `${size} APIs (bench)`,
        accountId: ACCOUNTS[index],
        cidr: `10.${octet}.0.0/16`,
        subnets: [
          privateSubnet('a', `10.${octet}.1.0/24`),
          privateSubnet('b', `10.${octet}.2.0/24`),
          privateSubnet('c', `10.${octet}.3.0/24`),
          publicSubnet('a', `10.${octet}.101.0/24`),
          publicSubnet('b', `10.${octet}.102.0/24`),
        ],
      });
    }
    const apis = new Map<number, Entity[]>();
    for (const size of sizes) {
      const entities: Entity[] = [];
      for (let i = 1; i <= size; i++) {
        // The first API of a VPC creates the routes; the others find them present.
        entities.push(
          await registerApi(landscape, `apis-${size}`, `api-${size}-${i}`),
        );
      }
      apis.set(size, entities);
    }
    return { sandbox, landscape, apis };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

/** Delegates `<name>.acme.com` and registers the routes to CONSUMERS, then returns the Component. */
async function registerApi(
  landscape: Landscape,
  vpcName: string,
  name: string,
): Promise<Entity> {
  const { internalApi, aws } = createInternalApiContext({
    config: new ConfigReader(landscape.config),
    logger: silentLogger,
    aws: { clientConfig: { maxAttempts: 1 } },
  });
  const checkpoint = <T>(_key: string, fn: () => Promise<T>) => fn();
  const placement = placementOf(landscape, vpcName);
  const domainName = `${name}.acme.com`;
  const zone = await aws.withClients(undefined, async clients => {
    const delegation = await planDelegation(internalApi, clients, {
      domainName,
      accountId: placement.accountId,
      apiName: name,
    });
    const delegated = await applyDelegation(delegation, clients, {
      checkpoint: checkpoint as never,
      taskId: `bench-${name}`,
      nsTtlSeconds: 300,
    });
    const routes = await planRoutes(internalApi, clients, {
      accountId: placement.accountId,
      region: placement.region,
      vpcId: placement.vpcId,
      routeTableIds: placement.subnets.map(subnet => subnet.routeTableId),
      consumers: CONSUMERS,
    });
    await applyRoutes(routes, clients, checkpoint as never);
    return delegated.zone;
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [INTERNAL_API_ANNOTATIONS.accountId]: placement.accountId,
        [INTERNAL_API_ANNOTATIONS.region]: placement.region,
        [INTERNAL_API_ANNOTATIONS.vpcId]: placement.vpcId,
        [INTERNAL_API_ANNOTATIONS.domain]: domainName,
        [INTERNAL_API_ANNOTATIONS.hostedZoneId]: zone.hostedZoneId,
        [INTERNAL_API_ANNOTATIONS.consumers]: consumersAnnotation(CONSUMERS),
      },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'team-bench' },
  };
}

/**
 * The calls as `Operation ×n` (EC2 dry runs named so), sorted: what the
 * tables print and what the benchmarks compare between sizes.
 */
export function callsByOperation(calls: { operation: string }[]): string {
  const counts = new Map<string, number>();
  for (const { operation } of calls) {
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, count]) => `${operation} ×${count}`)
    .join(', ');
}
