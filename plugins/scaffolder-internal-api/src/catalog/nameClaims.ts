import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import type { DomainClaim } from '@internal/plugin-internal-api-node';
import { ownerOf } from './apiEntity';
import type { CatalogAccess } from './catalogAccess';

/** The annotations by which an entity claims a name or a zone (the template's Component carries both). */
type ClaimAnnotation = 'domain' | 'hostedZoneId';

/** A catalog entity that claims the name or the zone, and by which annotation and value. */
export type NameClaim = DomainClaim & { annotation: string; value: string };

/**
 * The entities whose `annotation` is `value`, as plain data. Read with the
 * module's own credentials, not the user's: who owns a name is a fact, and
 * it must not depend on what the user is allowed to see. A user who cannot
 * read another team's entity must still be kept off its domain.
 */
export async function findNameClaims(
  { catalog, auth }: CatalogAccess,
  annotation: ClaimAnnotation,
  value: string,
): Promise<NameClaim[]> {
  const key = INTERNAL_API_ANNOTATIONS[annotation];
  const { items } = await catalog.getEntities(
    {
      filter: { [`metadata.annotations.${key}`]: value },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'spec.owner',
        'relations',
      ],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(entity => ({
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    owner: ownerOf(entity),
    annotation: key,
    value,
  }));
}

/**
 * Refuses to remove a delegation the catalog gives to someone else. An API in
 * the catalog owns its name through its own entities (its Component and API
 * share its name); any other claimant is in the way. A creation that failed
 * half-way never reached the catalog: every claimant is in the way, since the
 * name then belongs to an API that exists.
 */
export function refuseClaims(
  owner: { domain: string; apiName: string; halfCreated: boolean },
  claims: NameClaim[],
) {
  const { domain, apiName, halfCreated } = owner;
  const others = halfCreated
    ? claims
    : claims.filter(
        claim => claim.name.toLowerCase() !== apiName.toLowerCase(),
      );
  if (others.length === 0) {
    return;
  }
  const fix = halfCreated
    ? 'A creation that failed half-way has no catalog entity, so the name is that API\'s: decommission it as "an API in the catalog", or check the domain name.'
    : `The name is not API '${apiName}''s alone, so nothing is removed: ask that entity's owner, or correct its annotation.`;
  throw new InputError(
    [
      `domainName '${domain}' was not undelegated; nothing was changed:`,
      ...others.map(
        claim =>
          `- the catalog lists ${claim.entityRef} (owner ${
            claim.owner ?? 'not set'
          }) with ${claim.annotation} ${claim.value}. ${fix}`,
      ),
    ].join('\n'),
  );
}
