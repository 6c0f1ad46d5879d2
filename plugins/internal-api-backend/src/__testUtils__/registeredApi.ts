import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { Landscape, placementOf, SANDBOX_REGION } from '@internal/aws-sandbox';
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

/**
 * An internal API in the Orders VPC as the template leaves it: its subdomain
 * delegated and its routes registered with the core's own plan and apply
 * (through AWS_ENDPOINT_URL, the sandbox's recording proxy, so the proxy
 * knows the routes' targets), and the Component the template writes.
 */
export async function registerOrdersApi(
  landscape: Landscape,
  api: { name: string; domainName: string; consumers: string[] },
): Promise<Entity> {
  const { internalApi, aws } = createInternalApiContext({
    config: mockServices.rootConfig({ data: landscape.config }),
    logger: mockServices.logger.mock(),
    aws: { clientConfig: { maxAttempts: 1 } },
  });
  const checkpoint = <T>(_key: string, fn: () => Promise<T>) => fn();
  const placement = placementOf(landscape, 'orders');
  const { zone, nsChange } = await aws.withClients(undefined, async clients => {
    const plan = await planDelegation(internalApi, clients, {
      domainName: api.domainName,
      accountId: placement.accountId,
      apiName: api.name,
    });
    const delegated = await applyDelegation(plan, clients, {
      checkpoint: checkpoint as never,
      taskId: `task-${api.name}`,
      nsTtlSeconds: 300,
    });
    const routes = await planRoutes(internalApi, clients, {
      accountId: placement.accountId,
      region: placement.region,
      vpcId: placement.vpcId,
      routeTableIds: [...new Set(placement.subnets.map(s => s.routeTableId))],
      consumers: api.consumers,
    });
    await applyRoutes(routes, clients, checkpoint as never);
    return delegated;
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: api.name,
      namespace: 'default',
      annotations: {
        [INTERNAL_API_ANNOTATIONS.accountId]: placement.accountId,
        [INTERNAL_API_ANNOTATIONS.region]: SANDBOX_REGION,
        [INTERNAL_API_ANNOTATIONS.vpcId]: placement.vpcId,
        [INTERNAL_API_ANNOTATIONS.domain]: api.domainName,
        [INTERNAL_API_ANNOTATIONS.hostedZoneId]: zone.hostedZoneId,
        [INTERNAL_API_ANNOTATIONS.consumers]: consumersAnnotation(
          api.consumers,
        ),
        ...(nsChange && {
          [INTERNAL_API_ANNOTATIONS.delegationChange]: nsChange.id,
        }),
      },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'team-orders' },
  };
}
