import {
  type IamRequest,
  PERMISSIONS_BOUNDARY,
  evaluatePolicies,
} from './evaluatePolicies';
import type {
  DeployedRole,
  PolicyDocument,
  PolicyStatement,
} from './policyDocument';

const ACCOUNT = '777788889999';
const TABLE = `arn:aws:ec2:eu-west-1:${ACCOUNT}:route-table/rtb-1`;
const document = (...statements: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});
const roleWith = (
  statements: PolicyStatement[],
  extra: Partial<DeployedRole> = {},
): DeployedRole => ({
  accountId: ACCOUNT,
  roleName: 'backstage-internal-api',
  trustPolicy: document(),
  policies: [{ name: 'routes', document: document(...statements) }],
  ...extra,
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

describe('evaluatePolicies', () => {
  it('allows only what a statement names, and names the statement', () => {
    const role = roleWith([
      {
        Sid: 'Routes',
        Effect: 'Allow',
        Action: 'ec2:CreateRoute',
        Resource: TABLE,
      },
    ]);
    expect(evaluatePolicies(request('ec2:CreateRoute', [TABLE]), role)).toEqual(
      {
        decision: 'allow',
        allowedBy: [{ policy: 'routes', index: 0, sid: 'Routes' }],
        deniedBy: [],
      },
    );
    expect(
      evaluatePolicies(request('ec2:DeleteRoute', [TABLE]), role).decision,
    ).toBe('implicit-deny');
    expect(
      evaluatePolicies(request('ec2:CreateRoute', [`${TABLE}2`]), role)
        .decision,
    ).toBe('implicit-deny');
  });

  it('matches actions without case and resources with case, both with wildcards', () => {
    const role = roleWith([
      {
        Effect: 'Allow',
        Action: 'EC2:create*',
        Resource: `arn:aws:ec2:*:${ACCOUNT}:route-table/rtb-?`,
      },
    ]);
    expect(
      evaluatePolicies(request('ec2:CreateRoute', [TABLE]), role).decision,
    ).toBe('allow');
    expect(
      evaluatePolicies(
        request('ec2:CreateRoute', [TABLE.replace('rtb-1', 'RTB-1')]),
        role,
      ).decision,
    ).toBe('implicit-deny');
    expect(
      evaluatePolicies(
        request('ec2:CreateRoute', [TABLE.replace('rtb-1', 'rtb-12')]),
        role,
      ).decision,
    ).toBe('implicit-deny');
    // An action without resource-level permissions is asked for on `*`, which an ARN pattern does not cover.
    expect(
      evaluatePolicies(request('ec2:CreateRoute', ['*']), role).decision,
    ).toBe('implicit-deny');
  });

  it('keeps a mid-segment wildcard inside its ARN segment', () => {
    const role = roleWith([
      {
        Effect: 'Allow',
        Action: 'ec2:CreateRoute',
        Resource: 'arn:aws:ec2:eu-*-1:*',
      },
    ]);
    expect(
      evaluatePolicies(request('ec2:CreateRoute', [TABLE]), role).decision,
    ).toBe('allow');
    expect(
      evaluatePolicies(
        request('ec2:CreateRoute', [
          'arn:aws:ec2:eu-west:x-1:route-table/rtb-1',
        ]),
        role,
      ).decision,
    ).toBe('implicit-deny');
  });

  it('reads NotAction and NotResource as everything but', () => {
    const role = roleWith([
      { Effect: 'Allow', NotAction: 'ec2:Delete*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: 'ec2:CreateRoute',
        NotResource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:route-table/*`,
      },
    ]);
    expect(
      evaluatePolicies(request('ec2:DescribeVpcs', ['*']), role).decision,
    ).toBe('allow');
    expect(
      evaluatePolicies(request('ec2:DeleteRoute', [TABLE]), role).decision,
    ).toBe('implicit-deny');
    expect(
      evaluatePolicies(request('ec2:CreateRoute', [TABLE]), role).decision,
    ).toBe('allow');
    const elsewhere = evaluatePolicies(
      request('ec2:CreateRoute', ['arn:aws:ec2:us-east-1:1:route-table/rtb-9']),
      role,
    );
    expect(elsewhere.decision).toBe('explicit-deny');
    expect(elsewhere.deniedBy).toEqual([
      { policy: 'routes', index: 1, sid: undefined },
    ]);
  });

  it('lets an explicit Deny win over any Allow', () => {
    const role = roleWith([
      { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      {
        Sid: 'NoUntagged',
        Effect: 'Deny',
        Action: 'ec2:CreateRoute',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:ResourceTag/routes': 'managed' } },
      },
    ]);
    expect(
      evaluatePolicies(
        request('ec2:CreateRoute', [TABLE], {
          'aws:ResourceTag/routes': 'managed',
        }),
        role,
      ).decision,
    ).toBe('allow');
    const untagged = evaluatePolicies(
      request('ec2:CreateRoute', [TABLE]),
      role,
    );
    expect(untagged.decision).toBe('explicit-deny');
    expect(untagged.deniedBy.map(ref => ref.sid)).toEqual(['NoUntagged']);
  });

  it('needs the permissions boundary to allow too, and lets its Deny win', () => {
    const boundary = document(
      {
        Effect: 'Allow',
        Action: ['ec2:CreateRoute', 'ec2:DescribeVpcs'],
        Resource: '*',
      },
      { Effect: 'Deny', Action: 'ec2:DescribeVpcs', Resource: '*' },
    );
    const role = roleWith(
      [
        {
          Effect: 'Allow',
          Action: ['ec2:CreateRoute', 'ec2:DeleteRoute'],
          Resource: '*',
        },
      ],
      {
        permissionsBoundary: boundary,
      },
    );
    const created = evaluatePolicies(request('ec2:CreateRoute', [TABLE]), role);
    expect(created.decision).toBe('allow');
    expect(created.allowedBy).toEqual([
      { policy: 'routes', index: 0, sid: undefined },
      { policy: PERMISSIONS_BOUNDARY, index: 0, sid: undefined },
    ]);
    // The identity policy allows it, the boundary does not.
    expect(
      evaluatePolicies(request('ec2:DeleteRoute', [TABLE]), role).decision,
    ).toBe('implicit-deny');
    // The boundary alone grants nothing.
    expect(
      evaluatePolicies(request('ec2:DescribeVpcs', ['*']), role).decision,
    ).toBe('explicit-deny');
  });

  it('needs every resource of a request allowed', () => {
    const tgwTable = `arn:aws:ec2:eu-west-1:${ACCOUNT}:transit-gateway-route-table/tgw-rtb-1`;
    const attachment = `arn:aws:ec2:eu-west-1:${ACCOUNT}:transit-gateway-attachment/tgw-attach-1`;
    const tableOnly = roleWith([
      {
        Effect: 'Allow',
        Action: 'ec2:CreateTransitGatewayRoute',
        Resource: tgwTable,
      },
    ]);
    const both = roleWith([
      {
        Effect: 'Allow',
        Action: 'ec2:CreateTransitGatewayRoute',
        Resource: [tgwTable, attachment],
      },
    ]);
    const route = request('ec2:CreateTransitGatewayRoute', [
      tgwTable,
      attachment,
    ]);
    expect(evaluatePolicies(route, tableOnly).decision).toBe('implicit-deny');
    expect(evaluatePolicies(route, both).decision).toBe('allow');
  });

  it('reads the keys of each resource for that resource only', () => {
    const role = roleWith([
      {
        Effect: 'Allow',
        Action: 'ec2:CreateTransitGatewayRoute',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'net' } },
      },
    ]);
    const route: IamRequest = {
      ...request('ec2:CreateTransitGatewayRoute', [
        'arn:table',
        'arn:attachment',
      ]),
      resourceContext: {
        'arn:table': { 'aws:ResourceTag/team': 'net' },
        'arn:attachment': { 'aws:ResourceTag/team': 'app' },
      },
    };
    expect(evaluatePolicies(route, role).decision).toBe('implicit-deny');
    route.resourceContext!['arn:attachment'] = {
      'aws:ResourceTag/team': 'net',
    };
    expect(evaluatePolicies(route, role).decision).toBe('allow');
  });

  it('refuses statements it cannot judge', () => {
    expect(() =>
      evaluatePolicies(
        request('ec2:CreateRoute', [TABLE]),
        roleWith([{ Effect: 'Allow', Action: 'ec2:*' }]),
      ),
    ).toThrow(/no Resource/);
    expect(() =>
      evaluatePolicies(
        request('ec2:CreateRoute', [TABLE]),
        roleWith([
          {
            Effect: 'Allow',
            Action: 'ec2:*',
            Resource: 'arn:aws:ec2:*:${aws:PrincipalAccount}:*',
          },
        ]),
      ),
    ).toThrow(/policy variable/);
    expect(() =>
      evaluatePolicies(request('ec2:CreateRoute', []), roleWith([])),
    ).toThrow(/at least one resource/);
  });
});
