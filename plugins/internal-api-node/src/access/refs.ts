import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validator = makeValidator();

/**
 * An entity ref in the one spelling the access rules compare: kind, namespace
 * and name written out, lower-cased, since the catalog treats refs
 * case-insensitively (`Group:Default/Orders-Team` is `group:default/orders-team`).
 * A shorthand without kind is a group, as in an entity's `spec.owner`.
 * Throws (parseEntityRef's message) on what is not a ref at all.
 */
export function entityRefKey(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: defaults.defaultKind ?? 'group',
      defaultNamespace: defaults.defaultNamespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * A group ref from config, as {@link entityRefKey} spells it. Refuses a ref of
 * another kind (e.g. a user: access is given to teams, so that it follows
 * people as they join and leave them) and anything that is not a group ref,
 * naming the config path, the value and a correct example.
 * @param path - where the value is, e.g. internalApi.workloadAccounts[1].owners[0]
 */
export function readGroupRef(value: string, path: string): string {
  const example = 'e.g. group:default/orders-team';
  let parsed;
  try {
    parsed = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    throw new Error(
      `${path} '${value}' is not a group ref: write [group:][<namespace>/]<name>, ${example}.`,
    );
  }
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group') {
    throw new Error(
      `${path} '${value}' is a ${kind}, not a group: access is given to groups (their members and the members of their child groups). ` +
        `Use the ref of a group that person belongs to, ${example}.`,
    );
  }
  const namespace = parsed.namespace.toLocaleLowerCase('en-US');
  if (
    !validator.isValidNamespace(namespace) ||
    !validator.isValidEntityName(parsed.name)
  ) {
    throw new Error(
      `${path} '${value}' is not a group ref: a catalog name is letters, digits, '-', '_' and '.', at most 63 characters (no spaces), ${example}.`,
    );
  }
  return stringifyEntityRef({ ...parsed, kind, namespace }).toLocaleLowerCase(
    'en-US',
  );
}
