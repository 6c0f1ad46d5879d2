import type { Entity } from '@backstage/catalog-model';
import {
  FailAwsCall,
  Landscape,
  placementOf,
  SANDBOX_REGION,
} from '@internal/aws-sandbox';
import {
  consumersAnnotation,
  INTERNAL_API_ANNOTATIONS,
} from '@internal/plugin-internal-api-common';
import { createDeregisterRoutesAction } from '../actions/deregisterRoutes';
import { createRegisterRoutesAction } from '../actions/registerRoutes';
import { countedContext } from './countedContext';
import { runAction, RunOptions } from './runAction';

/** The Component the template generates for an API in the Orders VPC, with its day-2 annotations. */
export function ordersApi(
  landscape: Landscape,
  name: string,
  consumers: string[],
): Entity {
  const orders = landscape.vpcs.orders;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [INTERNAL_API_ANNOTATIONS.accountId]: orders.accountId,
        [INTERNAL_API_ANNOTATIONS.region]: SANDBOX_REGION,
        [INTERNAL_API_ANNOTATIONS.vpcId]: orders.vpcId,
        [INTERNAL_API_ANNOTATIONS.consumers]: consumersAnnotation(consumers),
      },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'team-orders' },
  };
}

/** Runs register-routes for the Orders placement; resolves its outputs. */
export function registerOrdersRoutes(
  landscape: Landscape,
  consumers: string[],
) {
  const { counter: _counter, ...context } = countedContext(landscape);
  return runAction(createRegisterRoutesAction(context), {
    ...placementOf(landscape, 'orders'),
    consumers,
  });
}

/**
 * Runs deregister-routes for the Orders VPC, with its AWS calls counted and
 * a catalog holding `catalogEntities`.
 */
export function deregisterOrdersRoutes(
  landscape: Landscape,
  input: Record<string, unknown>,
  options: RunOptions & {
    catalogEntities?: Entity[];
    failCall?: FailAwsCall;
  } = {},
) {
  const { counter, ...context } = countedContext(landscape, options);
  const { accountId, region, vpcId } = placementOf(landscape, 'orders');
  const result = runAction(
    createDeregisterRoutesAction(context),
    { accountId, region, vpcId, ...input },
    options,
  );
  return { result, counter };
}
