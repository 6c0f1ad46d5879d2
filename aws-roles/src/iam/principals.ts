/**
 * The Principal element of a trust policy, as the IAM User Guide describes it
 * ("AWS JSON policy elements: Principal"): no partial wildcards (only `*`
 * alone), an account principal (`arn:aws:iam::<account>:root` or the bare
 * account id) stands for every principal of that account, and a role ARN
 * stands for every session of that role.
 */
import type { OneOrMany, PolicyStatement } from './policyDocument';

const list = (value: OneOrMany<string> | undefined) =>
  value === undefined ? [] : ([] as string[]).concat(value);

/** `arn:aws:sts::<account>:assumed-role/<role>/<session>` → the account and role name. */
export function assumedRoleOf(arn: string) {
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(
    arn,
  );
  return match
    ? { partition: match[1], accountId: match[2], roleName: match[3] }
    : undefined;
}

/** The account of an IAM or STS principal ARN. */
export function accountOf(arn: string): string | undefined {
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

/**
 * The IAM ARN IAM uses for a caller as `aws:PrincipalArn`: a role session
 * counts as its role (the session's ARN carries no role path; we assume
 * none).
 */
export function principalArnOf(callerArn: string): string {
  const session = assumedRoleOf(callerArn);
  return session
    ? `arn:${session.partition}:iam::${session.accountId}:role/${session.roleName}`
    : callerArn;
}

function awsPrincipalMatches(principal: string, callerArn: string) {
  if (principal === '*') return true;
  if (principal.includes('*') || principal.includes('?')) {
    throw new Error(
      `Principal "${principal}": IAM allows no wildcard in a principal but "*" alone`,
    );
  }
  const account = /^\d{12}$/.test(principal)
    ? principal
    : /^arn:[^:]+:iam::(\d{12}):root$/.exec(principal)?.[1];
  if (account) {
    return accountOf(callerArn) === account;
  }
  if (principal === callerArn) return true;
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(
    principal,
  );
  const session = assumedRoleOf(callerArn);
  return Boolean(
    role &&
      session &&
      role[1] === session.partition &&
      role[2] === session.accountId &&
      role[3] === session.roleName,
  );
}

/** Whether a statement's Principal names the caller (an AWS principal ARN, an OIDC provider ARN, a service). */
export function principalMatches(
  principal: PolicyStatement['Principal'],
  callerArn: string | undefined,
): boolean {
  if (principal === undefined) {
    throw new Error('A trust policy statement needs a Principal');
  }
  if (callerArn === undefined) return false;
  if (principal === '*') return true;
  return (
    list(principal.AWS).some(value => awsPrincipalMatches(value, callerArn)) ||
    list(principal.Federated).some(value => value === callerArn) ||
    list(principal.Service).some(value => value === callerArn)
  );
}
