import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  INTERNAL_API_ANNOTATIONS,
  parseConsumersAnnotation,
} from '@internal/plugin-internal-api-common';
import type { RouteClaim } from '@internal/plugin-internal-api-node';
import type { CatalogAccess } from './catalogAccess';

const {
  accountId: ACCOUNT,
  vpcId: VPC,
  consumers: CONSUMERS,
} = INTERNAL_API_ANNOTATIONS;

/**
 * Every entity the catalog lists in this account and VPC (the template's
 * Component carries both annotations), with the consumers it lists: who
 * still needs a route, as plain data for the plan. Any kind counts: an
 * entity that says it runs in the VPC can only keep a route, never lose one.
 */
export async function findRouteClaims(
  { catalog, auth }: CatalogAccess,
  where: { accountId: string; vpcId: string },
): Promise<RouteClaim[]> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ACCOUNT}`]: where.accountId,
        [`metadata.annotations.${VPC}`]: where.vpcId,
      },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    },
    // The module's own credentials, not the user's: an API the user may not
    // see still needs its routes, and must keep them.
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(entity => {
    const annotations = entity.metadata.annotations ?? {};
    return {
      entityRef: stringifyEntityRef(entity),
      accountId: annotations[ACCOUNT],
      vpcId: annotations[VPC],
      // No annotation at all: consumers unknown, so the entity keeps every route (see RouteClaim).
      consumers:
        CONSUMERS in annotations
          ? parseConsumersAnnotation(annotations[CONSUMERS])
          : undefined,
    };
  });
}
