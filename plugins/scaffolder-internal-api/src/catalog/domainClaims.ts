import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import type { DomainClaim } from '@internal/plugin-internal-api-node';

/** What the delegate action needs to ask the catalog who claims a domain. */
export interface CatalogAccess {
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * The entities the catalog lists with `internal-api.platform/domain` set to
 * `domain` (the template's Component carries it), as plain data for the plan.
 */
export async function findDomainClaims(
  { catalog, auth }: CatalogAccess,
  domain: string,
): Promise<DomainClaim[]> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${INTERNAL_API_ANNOTATIONS.domain}`]: domain,
      },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.owner'],
    },
    // The module's own credentials, not the user's: who owns a name is a fact,
    // and it must not depend on what the user is allowed to see. A user who
    // cannot read another team's entity must still be kept off its domain.
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(entity => ({
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    owner:
      typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined,
  }));
}
