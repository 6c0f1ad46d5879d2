import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogAccess } from './catalogAccess';

/**
 * An entity's owner: its `ownedBy` relation's target (what the catalog
 * resolved, kind and namespace included), else `spec.owner` as written.
 */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) {
    return relation.targetRef;
  }
  return typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
}

/** The API's entity ref, complete (`component:default/<name>`), or an InputError naming the input. */
export function parseApiEntityRef(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `entityRef '${value}' is not an entity ref: pass the API's Component, e.g. component:default/orders-api ` +
        '(in a template: ${{ parameters.entityRef }} from an EntityPicker).',
    );
  }
}

/**
 * The API's entity, read with the module's own credentials: who owns an API
 * is a fact, and must not depend on what the user may see. Undefined when
 * the catalog has no such entity.
 */
export async function readApiEntity(
  { catalog, auth }: CatalogAccess,
  entityRef: string,
): Promise<Entity | undefined> {
  return unlessNotFound(
    catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    }),
  );
}

/** The catalog's answer, or undefined where it answers "not found" (the client returns it, the service throws it). */
export async function unlessNotFound<T>(
  read: Promise<T>,
): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if ((error as Error)?.name === NotFoundError.name) {
      return undefined;
    }
    throw error;
  }
}
