import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  INTERNAL_API_ANNOTATIONS,
  parseConsumersAnnotation,
} from '@internal/plugin-internal-api-common';

/**
 * The consumers `GET /consumers?currentOf=<entityRef>` keeps on offer: those
 * the API's entity lists (its consumers annotation), read with the user's
 * credentials. None without `currentOf`, and none for an entity the user
 * cannot read or that is gone: the picker reads the same entity and says so.
 */
export async function readCurrentConsumers(
  catalog: Pick<CatalogService, 'getEntityByRef'>,
  currentOf: unknown,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<string[]> {
  if (currentOf === undefined) {
    return [];
  }
  if (typeof currentOf !== 'string' || !isEntityRef(currentOf)) {
    throw new InputError(
      `currentOf must be one entity ref, e.g. component:default/orders-api; got ${JSON.stringify(
        currentOf,
      )}.`,
    );
  }
  const entity = await catalog.getEntityByRef(currentOf, { credentials });
  return parseConsumersAnnotation(
    entity?.metadata.annotations?.[INTERNAL_API_ANNOTATIONS.consumers],
  );
}

function isEntityRef(ref: string): boolean {
  try {
    parseEntityRef(ref);
    return true;
  } catch {
    return false;
  }
}
