import {
  AuthorizeResult,
  isPermission,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTemplateConditionalDecision,
  scaffolderActionConditions,
  scaffolderTemplateConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  actionExecutePermission,
  RESOURCE_TYPE_SCAFFOLDER_ACTION,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  DELEGATE_SUBDOMAIN_ACTION_ID,
  REGISTER_ROUTES_ACTION_ID,
  RESOLVE_PLACEMENT_ACTION_ID,
} from '@internal/plugin-internal-api-common';
import {
  type Access,
  type AccessConfig,
  accessOf,
  type GroupParents,
  isAdmin,
  mayCreateIn,
} from '@internal/plugin-internal-api-node';

/**
 * The actions that create something in a workload account, each with an
 * `accountId` input: only the account's owners and admins may run them there.
 * Consumers (an array input) cannot be a condition, as the scaffolder's rules
 * only read string, number and boolean inputs; the actions check them
 * themselves against the task's user.
 */
export const ACCOUNT_ACTIONS = [
  RESOLVE_PLACEMENT_ACTION_ID,
  DELEGATE_SUBDOMAIN_ACTION_ID,
  REGISTER_ROUTES_ACTION_ID,
] as const;

/** The tag on template parameters and steps that only admins see (the decommission template's cleanup). */
export const ADMIN_TAG = 'internal-api-admin';

/**
 * The permission policy of the internal-api platform. It adds rules and
 * locks nothing else down: whatever it does not mention is allowed, and so is
 * every service-to-service request.
 * - `scaffolder.action.execute`: admins run anything; anyone else runs the
 *   {@link ACCOUNT_ACTIONS} only with an `accountId` they may create in.
 * - template parameters and steps tagged {@link ADMIN_TAG}: admins only.
 */
export class InternalApiPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      access: AccessConfig;
      /** The catalog's group hierarchy; the caller decides how long to keep it. */
      groupParents: () => Promise<GroupParents>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const isAction = isPermission(permission, actionExecutePermission);
    const isTemplateRead =
      isPermission(permission, templateParameterReadPermission) ||
      isPermission(permission, templateStepReadPermission);
    if (!user || (!isAction && !isTemplateRead)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const access = accessOf(
      user.info,
      await this.options.groupParents(),
      this.options.access,
    );
    if (isAdmin(access)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isAction) {
      return createScaffolderActionConditionalDecision(
        permission,
        accountActionsLimitedTo(creatableAccounts(access)),
      );
    }
    return createScaffolderTemplateConditionalDecision(
      permission as typeof templateStepReadPermission,
      { not: scaffolderTemplateConditions.hasTag({ tag: ADMIN_TAG }) },
    );
  }
}

/** The workload accounts the user may create internal APIs in (as owner; admins never get here). */
function creatableAccounts(access: Access): string[] {
  return access.config.workloadAccounts
    .map(account => account.accountId)
    .filter(id => mayCreateIn(access, id).decision === 'allowed');
}

type ActionCriteria = PermissionCriteria<
  PermissionCondition<typeof RESOURCE_TYPE_SCAFFOLDER_ACTION>
>;

/**
 * Any action but the account actions, or an account action in one of the
 * accounts: the scaffolder evaluates this against each step's action id and
 * input. With no account, the account actions are refused outright.
 */
function accountActionsLimitedTo(accountIds: string[]): ActionCriteria {
  const notAnAccountAction: ActionCriteria = {
    not: anyOf(
      ACCOUNT_ACTIONS.map(actionId =>
        scaffolderActionConditions.hasActionId({ actionId }),
      ),
    ),
  };
  const inAnAccount = accountIds.map(value =>
    scaffolderActionConditions.hasStringProperty({ key: 'accountId', value }),
  );
  return inAnAccount.length === 0
    ? notAnAccountAction
    : anyOf([notAnAccountAction, ...inAnAccount]);
}

/** `anyOf` of a list known not to be empty (the permission framework refuses an empty one). */
function anyOf(criteria: ActionCriteria[]): ActionCriteria {
  const [first, ...rest] = criteria;
  return { anyOf: [first, ...rest] };
}
