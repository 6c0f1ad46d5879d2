import { parseEntityRef } from '@backstage/catalog-model';
import { entityRefKey } from './refs';

/**
 * Each group's parent groups, by group ref (`entityRefKey` spelling): the
 * catalog's group hierarchy, as loadGroupParents reads it.
 */
export type GroupParents = ReadonlyMap<string, readonly string[]>;

/**
 * Every group a user counts as a member of for access: the groups among
 * their ownership refs (the sign-in's `ownershipEntityRefs`: their own ref
 * and the groups they are a direct member of) and all of those groups'
 * ancestors. Membership goes up the hierarchy, never down: a member of a
 * child team (spec.parent: orders) belongs to `orders` too, as the catalog
 * draws teams inside departments; a member of `orders` is not thereby a
 * member of its child teams. A cycle in the hierarchy ends the walk instead
 * of looping. Refs that are not refs at all are skipped: they name no group.
 */
export function groupsOf(
  ownershipEntityRefs: readonly string[],
  groupParents: GroupParents,
): Set<string> {
  const groups = new Set<string>();
  const pending = ownershipEntityRefs.flatMap(ref => {
    const key = refKeyOrUndefined(ref);
    return key && parseEntityRef(key).kind === 'group' ? [key] : [];
  });
  while (pending.length > 0) {
    const group = pending.pop()!;
    if (!groups.has(group)) {
      groups.add(group);
      pending.push(...(groupParents.get(group) ?? []));
    }
  }
  return groups;
}

function refKeyOrUndefined(ref: string): string | undefined {
  try {
    // A ref without kind is a user here: sign-in refs always carry their kind.
    return entityRefKey(ref, { defaultKind: 'user' });
  } catch {
    return undefined;
  }
}
