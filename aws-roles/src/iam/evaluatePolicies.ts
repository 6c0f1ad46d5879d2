/**
 * The IAM decision for one request, for the subset of IAM our roles use.
 *
 * Why our own evaluator: the maintained TypeScript simulator,
 * `@cloud-copilot/iam-simulate`, is AGPL-3.0, and platform teams fork this
 * product; an AGPL dependency would bind their forks. The subset is small
 * (identity policies, an optional permissions boundary, role trust policies;
 * the operators of conditionOperators.ts) and everything outside it throws.
 *
 * Semantics (IAM User Guide, "Policy evaluation logic" and "Determining
 * whether a request is allowed or denied within an account"): an explicit
 * Deny in any policy wins; otherwise the request is allowed only when an
 * identity policy allows it AND, when the role has one, the permissions
 * boundary allows it; otherwise it is implicitly denied. A request that
 * names several resources (CreateTransitGatewayRoute: the route table and
 * the attachment) is allowed only when each of them is.
 */
import {
  type ConditionContext,
  conditionsHold,
  lowerCaseKeys,
} from './conditionOperators';
import type {
  DeployedRole,
  OneOrMany,
  PolicyDocument,
  PolicyStatement,
} from './policyDocument';
import { actionMatches, resourceMatches } from './policyPatterns';
import { principalMatches } from './principals';

/** One authorization IAM makes for an API call. */
export interface IamRequest {
  /** e.g. `ec2:CreateRoute` */
  action: string;
  /** The ARNs the action is authorized on, or `['*']` for actions without resource-level permissions. */
  resources: string[];
  /** Condition keys of the request (any case). */
  context: ConditionContext;
  /** Keys that belong to one resource (its tags, its VPC), by ARN, added to `context` for that resource. */
  resourceContext?: Record<string, ConditionContext>;
  /** Who calls, as a Principal element would name it (a session, user, OIDC provider ARN). Trust policies need it. */
  principalArn?: string;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** A statement by the name of its policy and its position in it. */
export interface StatementRef {
  policy: string;
  index: number;
  sid?: string;
}

export interface Evaluation {
  decision: Decision;
  /** Allow statements that matched (for at least one of the resources). */
  allowedBy: StatementRef[];
  /** Deny statements that matched. */
  deniedBy: StatementRef[];
}

/** The policy names a StatementRef uses for a role's boundary and trust policy. */
export const PERMISSIONS_BOUNDARY = 'permissionsBoundary';
export const TRUST_POLICY = 'trustPolicy';

const list = (value: OneOrMany<string> | undefined): string[] | undefined =>
  value === undefined ? undefined : ([] as string[]).concat(value);

function actionApplies(statement: PolicyStatement, action: string) {
  const actions = list(statement.Action);
  const notActions = list(statement.NotAction);
  if (actions) return actions.some(pattern => actionMatches(action, pattern));
  if (notActions) {
    return !notActions.some(pattern => actionMatches(action, pattern));
  }
  throw new Error('A statement needs Action or NotAction');
}

/** A statement without Resource/NotResource applies to any resource: only trust policies are written that way. */
function resourceApplies(statement: PolicyStatement, resource: string) {
  const resources = list(statement.Resource);
  const notResources = list(statement.NotResource);
  if (resources) {
    return resources.some(pattern => resourceMatches(resource, pattern));
  }
  if (notResources) {
    return !notResources.some(pattern => resourceMatches(resource, pattern));
  }
  return true;
}

function refuseUnsupported(statement: PolicyStatement) {
  const unsupported = ['NotPrincipal'].filter(key => key in statement);
  if (unsupported.length > 0) {
    throw new Error(
      `${unsupported.join(', ')} is not supported by this evaluator`,
    );
  }
}

interface NamedPolicy {
  name: string;
  document: PolicyDocument;
  /** Identity policies need Resource or NotResource; a trust policy names its principal instead. */
  kind: 'identity' | 'trust';
}

/** The statements of the policies that apply to one resource of a request, by effect. */
function matchingStatements(
  policies: NamedPolicy[],
  request: IamRequest,
  resource: string,
) {
  const context = lowerCaseKeys({
    ...request.context,
    ...request.resourceContext?.[resource],
  });
  const allows: StatementRef[] = [];
  const denies: StatementRef[] = [];
  for (const { name, document, kind } of policies) {
    document.Statement.forEach((statement, index) => {
      refuseUnsupported(statement);
      if (
        kind === 'identity' &&
        !statement.Resource &&
        !statement.NotResource
      ) {
        throw new Error(`${name} statement ${index}: no Resource`);
      }
      const applies =
        (kind === 'identity' ||
          principalMatches(statement.Principal, request.principalArn)) &&
        actionApplies(statement, request.action) &&
        resourceApplies(statement, resource) &&
        conditionsHold(statement.Condition, context);
      if (applies) {
        const ref = { policy: name, index, sid: statement.Sid };
        (statement.Effect === 'Deny' ? denies : allows).push(ref);
      }
    });
  }
  return { allows, denies };
}

const refKey = (ref: StatementRef) => `${ref.policy}#${ref.index}`;

function unique(refs: StatementRef[]) {
  return [...new Map(refs.map(ref => [refKey(ref), ref])).values()];
}

/**
 * Decides a request against policy sets that must each allow it (identity
 * policies and a boundary; or a trust policy alone): allowed only when every
 * resource is allowed by every set and denied by none.
 */
function decide(request: IamRequest, policySets: NamedPolicy[][]): Evaluation {
  if (request.resources.length === 0) {
    throw new Error(
      `${request.action}: a request names at least one resource (or '*')`,
    );
  }
  const allowedBy: StatementRef[] = [];
  const deniedBy: StatementRef[] = [];
  let everyResourceAllowed = true;
  for (const resource of request.resources) {
    for (const policies of policySets) {
      const { allows, denies } = matchingStatements(
        policies,
        request,
        resource,
      );
      allowedBy.push(...allows);
      deniedBy.push(...denies);
      everyResourceAllowed &&= allows.length > 0;
    }
  }
  let decision: Decision = 'implicit-deny';
  if (deniedBy.length > 0) {
    decision = 'explicit-deny';
  } else if (everyResourceAllowed) {
    decision = 'allow';
  }
  return { decision, allowedBy: unique(allowedBy), deniedBy: unique(deniedBy) };
}

/** What a role's session may do: its identity policies, limited by its permissions boundary. */
export function evaluatePolicies(
  request: IamRequest,
  role: DeployedRole,
): Evaluation {
  const identity: NamedPolicy[] = role.policies.map(({ name, document }) => ({
    name,
    document,
    kind: 'identity',
  }));
  const boundary: NamedPolicy[] = role.permissionsBoundary
    ? [
        {
          name: PERMISSIONS_BOUNDARY,
          document: role.permissionsBoundary,
          kind: 'identity',
        },
      ]
    : [];
  return decide(
    request,
    boundary.length > 0 ? [identity, boundary] : [identity],
  );
}

/**
 * Whether the role's trust policy, read as the resource policy of the role,
 * lets the request's principal assume it (`sts:AssumeRole`,
 * `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`…). The caller's own
 * identity policies are a separate question (evaluatePolicies on the
 * caller's role), needed when the caller is in another account or the trust
 * policy names only the account.
 */
export function evaluateTrust(
  request: IamRequest,
  role: DeployedRole,
): Evaluation {
  if (!request.principalArn) {
    throw new Error(`${request.action}: a trust decision needs principalArn`);
  }
  return decide(request, [
    [{ name: TRUST_POLICY, document: role.trustPolicy, kind: 'trust' }],
  ]);
}
