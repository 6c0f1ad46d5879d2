import type {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AccessConfig } from './accessConfig';
import { loadGroupParents } from './catalogGroups';
import type { GroupParents } from './groups';
import { cachedGroupParents } from './groupParentsCache';
import { type Access, accessOf } from './rules';

/** How long a read of the catalog's groups serves decisions: a new team member waits at most this long. */
export const GROUPS_TTL_MS = 60_000;

/** The access of a signed-in user, from the credentials a request or task carries. */
export type UserAccessReader = (
  credentials: BackstageCredentials<BackstageUserPrincipal>,
) => Promise<Access>;

/**
 * The catalog's group hierarchy read with the plugin's own credentials (every
 * group counts, whoever asks) and kept for {@link GROUPS_TTL_MS}.
 */
export function catalogGroupParents(deps: {
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  ttlMs?: number;
}): () => Promise<GroupParents> {
  return cachedGroupParents(
    async () =>
      loadGroupParents(
        deps.catalog,
        await deps.auth.getOwnServiceCredentials(),
      ),
    { ttlMs: deps.ttlMs ?? GROUPS_TTL_MS },
  );
}

/**
 * Reads who a user is (Backstage's user info: the ownership refs their
 * sign-in issued) and what config lets them use, for the rules in `rules.ts`.
 * The permission policy, the lookups, the approvals and the actions all decide
 * through this, so they agree.
 */
export function createUserAccessReader(deps: {
  userInfo: Pick<UserInfoService, 'getUserInfo'>;
  groupParents: () => Promise<GroupParents>;
  config: AccessConfig;
}): UserAccessReader {
  return async credentials => {
    const [info, parents] = await Promise.all([
      deps.userInfo.getUserInfo(credentials),
      deps.groupParents(),
    ]);
    return accessOf(info, parents, deps.config);
  };
}
