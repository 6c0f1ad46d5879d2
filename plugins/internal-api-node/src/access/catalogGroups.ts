import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type Entity,
  RELATION_CHILD_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { GroupParents } from './groups';
import { entityRefKey } from './refs';

/**
 * The catalog's group hierarchy in one read: every Group with its parents.
 * A group's parent comes from its `childOf` relations, which the catalog
 * draws from both the child's `spec.parent` and the parent's `spec.children`,
 * and from `spec.parent` itself, so a catalog that has not drawn relations
 * (e.g. a test's in-memory one) gives the same hierarchy. The caller supplies
 * the catalog and the credentials it reads with (the user's, or the plugin's
 * own to see every group) and decides how long to keep the answer.
 */
export async function loadGroupParents(
  catalog: Pick<CatalogService, 'getEntities'>,
  credentials: BackstageCredentials,
): Promise<GroupParents> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'spec.parent',
        'relations',
      ],
    },
    { credentials },
  );
  const parents = new Map<string, string[]>();
  for (const group of items) {
    const key = entityRefKey(stringifyEntityRef(group));
    parents.set(key, [
      ...new Set([...relationParents(group), ...specParent(group)]),
    ]);
  }
  return parents;
}

function relationParents(group: Entity): string[] {
  return (group.relations ?? [])
    .filter(relation => relation.type === RELATION_CHILD_OF)
    .map(relation => entityRefKey(relation.targetRef));
}

function specParent(group: Entity): string[] {
  const parent = group.spec?.parent;
  if (typeof parent !== 'string' || parent === '') {
    return [];
  }
  // As the catalog reads spec.parent: a group, in the child's namespace unless it says otherwise.
  return [
    entityRefKey(parent, {
      defaultKind: 'group',
      defaultNamespace: group.metadata.namespace ?? 'default',
    }),
  ];
}
