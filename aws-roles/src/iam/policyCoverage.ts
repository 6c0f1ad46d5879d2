/**
 * Whether the roles' policies fit the calls the code made: every recorded
 * call must be allowed for the role that signed it, and every Allow
 * statement must have allowed at least one call (a statement nothing used is
 * a permission nobody needs).
 */
import type { AwsRequest } from '@internal/aws-sandbox';
import { conditionKeysOf, lowerCaseKeys } from './conditionOperators';
import {
  type Decision,
  type Evaluation,
  type IamRequest,
  PERMISSIONS_BOUNDARY,
  type StatementRef,
  TRUST_POLICY,
  evaluatePolicies,
  evaluateTrust,
} from './evaluatePolicies';
import { type ResourceFacts, iamRequestsOf } from './iamRequests';
import type { DeployedRole, PolicyDocument } from './policyDocument';
import { actionMatches } from './policyPatterns';
import { assumedRoleOf } from './principals';

export interface DeniedCall {
  request: AwsRequest;
  iamRequest: IamRequest;
  decision: Exclude<Decision, 'allow'>;
  role: DeployedRole;
  /** Which side refused: the caller's identity policies, or the target role's trust policy. */
  judgedBy: 'identity' | 'trust';
}

export interface UnusedStatement {
  role: DeployedRole;
  policy: string;
  index: number;
  sid?: string;
}

export interface PolicyCoverage {
  denied: DeniedCall[];
  unusedStatements: UnusedStatement[];
  /** Calls no deployed role answers for (a session of an unknown role, AssumeRole of an unknown role): failures too. */
  unattributed: Array<{ request: AwsRequest; reason: string }>;
  /** Calls signed by the main principal other than AssumeRole: its own policies are not ours to check. */
  notJudged: AwsRequest[];
  /** IAM requests evaluated (identity and trust decisions). */
  evaluated: number;
}

export interface CoverageInput {
  requests: AwsRequest[];
  roles: DeployedRole[];
  facts: ResourceFacts;
  /** The role whose credentials signed a request; by default the role its assumed-role session names. */
  principalRole?: (request: AwsRequest) => DeployedRole | undefined;
}

const roleArnPattern = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function roleNamed(roles: DeployedRole[], accountId: string, roleName: string) {
  return roles.find(
    role => role.accountId === accountId && role.roleName === roleName,
  );
}

const statementKey = (role: DeployedRole, ref: StatementRef) =>
  `${role.accountId}/${role.roleName}/${ref.policy}#${ref.index}`;

function allowStatements(role: DeployedRole) {
  const named: Array<[string, PolicyDocument]> = [
    [TRUST_POLICY, role.trustPolicy],
    ...role.policies.map(
      ({ name, document }) => [name, document] as [string, PolicyDocument],
    ),
    ...(role.permissionsBoundary
      ? [
          [PERMISSIONS_BOUNDARY, role.permissionsBoundary] as [
            string,
            PolicyDocument,
          ],
        ]
      : []),
  ];
  return named.flatMap(([policy, document]) =>
    document.Statement.flatMap((statement, index) =>
      statement.Effect === 'Allow'
        ? [{ role, policy, index, sid: statement.Sid }]
        : [],
    ),
  );
}

export function checkPolicyCoverage(input: CoverageInput): PolicyCoverage {
  const { requests, roles, facts } = input;
  const coverage: PolicyCoverage = {
    denied: [],
    unusedStatements: [],
    unattributed: [],
    notJudged: [],
    evaluated: 0,
  };
  const used = new Set<string>();
  const judge = (
    request: AwsRequest,
    iamRequest: IamRequest,
    role: DeployedRole,
    judgedBy: DeniedCall['judgedBy'],
  ) => {
    const evaluation: Evaluation =
      judgedBy === 'trust'
        ? evaluateTrust(iamRequest, role)
        : evaluatePolicies(iamRequest, role);
    coverage.evaluated += 1;
    if (evaluation.decision === 'allow') {
      evaluation.allowedBy.forEach(ref => used.add(statementKey(role, ref)));
    } else {
      coverage.denied.push({
        request,
        iamRequest,
        decision: evaluation.decision,
        role,
        judgedBy,
      });
    }
  };

  for (const request of requests) {
    const session = assumedRoleOf(request.principalArn);
    const caller =
      input.principalRole?.(request) ??
      (session && roleNamed(roles, session.accountId, session.roleName));
    if (session && !caller) {
      coverage.unattributed.push({
        request,
        reason: `signed by a session of ${session.roleName} in ${session.accountId}, which is not a deployed role`,
      });
      continue;
    }
    const assumesRole =
      request.service === 'sts' && request.params.Action === 'AssumeRole';
    if (!caller && !assumesRole) {
      coverage.notJudged.push(request);
      continue;
    }
    const iamRequests = iamRequestsOf(request, facts);
    for (const iamRequest of iamRequests) {
      if (iamRequest.action.startsWith('sts:')) {
        const target = roleArnPattern.exec(iamRequest.resources[0]);
        const role = target && roleNamed(roles, target[1], target[2]);
        if (!role) {
          coverage.unattributed.push({
            request,
            reason: `${iamRequest.action} of ${iamRequest.resources[0]}, which is not a deployed role`,
          });
          continue;
        }
        judge(request, iamRequest, role, 'trust');
      }
      // A role's session needs its own policies' permission as well (role chaining).
      if (caller) {
        judge(request, iamRequest, caller, 'identity');
      }
    }
  }

  coverage.unusedStatements = roles
    .flatMap(allowStatements)
    .filter(statement => !used.has(statementKey(statement.role, statement)));
  return coverage;
}

/**
 * The statement's grant with the landscape's ids taken out: the same
 * statement of the same role in another account, or for another VPC, route
 * table or zone (`RouteVpc0a1b…ViaTransitGateway`), has the same shape.
 */
function statementShape({ role, policy, index, sid }: UnusedStatement) {
  const grant = (sid ?? `#${index}`).replace(/[0-9A-Fa-f]{8,}/g, '…');
  return `${role.roleName} ${policy} ${grant}`;
}

/**
 * The unused statements whose shape no call used in any account: one run
 * that exercises each kind of account once (a workload account, a consumer,
 * the DNS and network accounts) proves the statements every account of that
 * kind gets, as the roles app writes them from one template per kind.
 */
export function unusedInEveryAccount(
  coverage: PolicyCoverage,
  roles: DeployedRole[],
): UnusedStatement[] {
  const unused = new Set(
    coverage.unusedStatements.map(s => statementKey(s.role, s)),
  );
  const usedShapes = new Set(
    roles
      .flatMap(allowStatements)
      .filter(statement => !unused.has(statementKey(statement.role, statement)))
      .map(statementShape),
  );
  return coverage.unusedStatements.filter(
    statement => !usedShapes.has(statementShape(statement)),
  );
}

/** The context keys the role's statements for this action read, with the request's values. */
function keysThatMattered(denied: DeniedCall): string {
  const { iamRequest, role, judgedBy } = denied;
  const documents =
    judgedBy === 'trust'
      ? [role.trustPolicy]
      : [
          ...role.policies.map(p => p.document),
          ...(role.permissionsBoundary ? [role.permissionsBoundary] : []),
        ];
  const keys = new Set(
    documents.flatMap(document =>
      document.Statement.filter(statement =>
        ([] as string[])
          .concat(statement.Action ?? [])
          .some(pattern => actionMatches(iamRequest.action, pattern)),
      ).flatMap(statement => conditionKeysOf(statement.Condition)),
    ),
  );
  const parts = iamRequest.resources.flatMap(resource => {
    const context = lowerCaseKeys({
      ...iamRequest.context,
      ...iamRequest.resourceContext?.[resource],
    });
    return [...keys].map(key => {
      const value = context[key.toLowerCase()];
      return `${key}=${
        value === undefined ? '(absent)' : JSON.stringify(value)
      }`;
    });
  });
  return [...new Set(parts)].join(', ');
}

/** One line per failure: denied calls, calls no deployed role answers for, unused statements. */
export function describeCoverageFailures(coverage: PolicyCoverage): string[] {
  return [
    ...coverage.denied.map(denied => {
      const { request, iamRequest, role } = denied;
      const keys = keysThatMattered(denied);
      const line =
        `denied (${denied.decision}, ${denied.judgedBy}): ${role.accountId} ${role.roleName} ` +
        `${iamRequest.action} on ${iamRequest.resources.join(' + ')}` +
        ` [${request.operation}, by ${request.principalArn}]`;
      return keys ? `${line} {${keys}}` : line;
    }),
    ...coverage.unattributed.map(
      ({ request, reason }) =>
        `unattributed: ${request.accountId} ${request.service} ${request.operation}: ${reason}`,
    ),
    ...coverage.unusedStatements.map(
      ({ role, policy, index, sid }) =>
        `unused: ${role.accountId} ${
          role.roleName
        } ${policy} statement ${index}${sid ? ` (${sid})` : ''}`,
    ),
  ];
}
