import {
  type IamRequest,
  TRUST_POLICY,
  evaluateTrust,
} from './evaluatePolicies';
import type {
  DeployedRole,
  PolicyDocument,
  PolicyStatement,
} from './policyDocument';

const ACCOUNT = '777788889999';
const document = (...statements: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});
/** A role judged by its trust policy alone. */
const roleTrusting = (trustPolicy: PolicyDocument): DeployedRole => ({
  accountId: ACCOUNT,
  roleName: 'backstage-internal-api',
  trustPolicy,
  policies: [],
});
const request = (
  action: string,
  resources: string[],
  context = {},
): IamRequest => ({
  action,
  resources,
  context,
});

describe('evaluateTrust', () => {
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/backstage-internal-api`;
  const trusting = (
    principal: PolicyStatement['Principal'],
    condition?: PolicyStatement['Condition'],
  ) =>
    roleTrusting(
      document({
        Sid: 'Backstage',
        Effect: 'Allow',
        Principal: principal,
        Action: 'sts:AssumeRole',
        Condition: condition,
      }),
    );
  const assume = (principalArn: string, context = {}): IamRequest => ({
    ...request('sts:AssumeRole', [roleArn], context),
    principalArn,
  });
  const user = 'arn:aws:iam::123456789012:user/backstage';
  const session =
    'arn:aws:sts::123456789012:assumed-role/backstage-hub/backstage-task';

  it('matches an account root principal to any principal of that account only', () => {
    const role = trusting({ AWS: 'arn:aws:iam::123456789012:root' });
    expect(evaluateTrust(assume(user), role)).toEqual({
      decision: 'allow',
      allowedBy: [{ policy: TRUST_POLICY, index: 0, sid: 'Backstage' }],
      deniedBy: [],
    });
    expect(evaluateTrust(assume(session), role).decision).toBe('allow');
    expect(
      evaluateTrust(assume('arn:aws:iam::999999999999:user/backstage'), role)
        .decision,
    ).toBe('implicit-deny');
    expect(
      evaluateTrust(assume(user), trusting({ AWS: '123456789012' })).decision,
    ).toBe('allow');
  });

  it('matches a role principal to the sessions of that role', () => {
    const role = trusting({
      AWS: 'arn:aws:iam::123456789012:role/backstage-hub',
    });
    expect(evaluateTrust(assume(session), role).decision).toBe('allow');
    expect(
      evaluateTrust(
        assume(session.replace('backstage-hub', 'other-role')),
        role,
      ).decision,
    ).toBe('implicit-deny');
    expect(evaluateTrust(assume(user), role).decision).toBe('implicit-deny');
    expect(
      evaluateTrust(assume(session), trusting({ AWS: session })).decision,
    ).toBe('allow');
    expect(evaluateTrust(assume(user), trusting({ AWS: user })).decision).toBe(
      'allow',
    );
    expect(evaluateTrust(assume(user), trusting('*')).decision).toBe('allow');
  });

  it('denies a wrong or missing external id', () => {
    const role = trusting(
      { AWS: user },
      { StringEquals: { 'sts:ExternalId': 'expected-id' } },
    );
    expect(
      evaluateTrust(assume(user, { 'sts:ExternalId': 'expected-id' }), role)
        .decision,
    ).toBe('allow');
    expect(
      evaluateTrust(assume(user, { 'sts:ExternalId': 'guessed-id' }), role)
        .decision,
    ).toBe('implicit-deny');
    expect(evaluateTrust(assume(user), role).decision).toBe('implicit-deny');
  });

  it('matches a federated principal and its token claims', () => {
    const provider = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const role = roleTrusting(
      document({
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          },
          StringLike: {
            'token.actions.githubusercontent.com:sub': 'repo:acme/orders-api:*',
          },
        },
      }),
    );
    const token = (sub: string): IamRequest => ({
      ...request('sts:AssumeRoleWithWebIdentity', [roleArn], {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': sub,
      }),
      principalArn: provider,
    });
    expect(
      evaluateTrust(token('repo:acme/orders-api:ref:refs/heads/main'), role)
        .decision,
    ).toBe('allow');
    expect(
      evaluateTrust(token('repo:mallory/orders-api:ref:refs/heads/main'), role)
        .decision,
    ).toBe('implicit-deny');
    expect(
      evaluateTrust(
        { ...token('repo:acme/orders-api:x'), action: 'sts:AssumeRole' },
        role,
      ).decision,
    ).toBe('implicit-deny');
  });

  it('refuses partial wildcards in a principal and NotPrincipal', () => {
    expect(() =>
      evaluateTrust(
        assume(user),
        trusting({ AWS: 'arn:aws:iam::123456789012:user/*' }),
      ),
    ).toThrow(/wildcard/);
    const notPrincipal = roleTrusting(
      document({
        Effect: 'Deny',
        NotPrincipal: { AWS: user },
        Action: 'sts:AssumeRole',
      } as PolicyStatement),
    );
    expect(() => evaluateTrust(assume(user), notPrincipal)).toThrow(
      /NotPrincipal/,
    );
  });
});
