import type { AwsRequest } from '@internal/aws-sandbox';
import {
  DNS_ROLE,
  FIXTURE_ROLES,
  LANDSCAPE,
  WORKLOAD_ROLE,
} from './__testUtils__/fixtureRoles';
import { hijackFacts } from './hijackAttempts';
import {
  checkPolicyCoverage,
  describeCoverageFailures,
  unusedInEveryAccount,
} from './policyCoverage';
import {
  assumeRoleRequest,
  changeBatchXml,
  ec2Request,
  route53Request,
} from './recordedRequests';

const { region, workload, dns, mainPrincipalArn } = LANDSCAPE;
const facts = hijackFacts(LANDSCAPE);
const roleArn = (accountId: string, roleName: string) =>
  `arn:aws:iam::${accountId}:role/${roleName}`;

describe('checkPolicyCoverage', () => {
  const assumeWorkload = assumeRoleRequest(
    mainPrincipalArn,
    region,
    roleArn(workload.accountId, workload.roleName),
    'backstage-1',
    { ExternalId: LANDSCAPE.externalId },
  );
  const describeVpcs = ec2Request(workload, region, { Action: 'DescribeVpcs' });
  const untaggedRoute = ec2Request(workload, region, {
    Action: 'CreateRoute',
    RouteTableId: workload.untaggedRouteTableId,
    DestinationCidrBlock: '10.20.0.0/16',
    DryRun: 'true',
  });
  const callerIdentity: AwsRequest = {
    ...assumeWorkload,
    operation: 'GetCallerIdentity',
    params: { Action: 'GetCallerIdentity' },
  };

  it('judges each call as the role that signed it and reports denials with the keys that mattered', () => {
    const coverage = checkPolicyCoverage({
      requests: [assumeWorkload, describeVpcs, untaggedRoute, callerIdentity],
      roles: [WORKLOAD_ROLE],
      facts,
    });
    expect(coverage.evaluated).toBe(3);
    expect(coverage.notJudged).toEqual([callerIdentity]);
    expect(coverage.denied).toHaveLength(1);
    expect(coverage.denied[0]).toMatchObject({
      request: untaggedRoute,
      decision: 'implicit-deny',
      role: WORKLOAD_ROLE,
      judgedBy: 'identity',
    });
    expect(describeCoverageFailures(coverage)).toEqual([
      `denied (implicit-deny, identity): ${workload.accountId} ${workload.roleName} ec2:CreateRoute on ` +
        `arn:aws:ec2:${region}:${workload.accountId}:route-table/${workload.untaggedRouteTableId} ` +
        `[CreateRoute (dry run), by arn:aws:sts::${workload.accountId}:assumed-role/${workload.roleName}/backstage-task] ` +
        `{ec2:Vpc="arn:aws:ec2:${region}:${workload.accountId}:vpc/${workload.vpcId}", aws:ResourceTag/internal-api.platform/routes=(absent)}`,
      // The route statement allowed nothing: it counts as unused until a call needs it.
      `unused: ${workload.accountId} ${workload.roleName} manage-routes statement 0 (RoutesInManagedTables)`,
    ]);
  });

  it('counts a trust statement as used by the AssumeRole calls it allowed, and a denied one not', () => {
    const foreignSession = assumeRoleRequest(
      mainPrincipalArn,
      region,
      roleArn(workload.accountId, workload.roleName),
      'mallory',
      { ExternalId: LANDSCAPE.externalId },
    );
    const coverage = checkPolicyCoverage({
      requests: [foreignSession],
      roles: [WORKLOAD_ROLE],
      facts,
    });
    expect(coverage.denied).toMatchObject([
      { judgedBy: 'trust', decision: 'implicit-deny' },
    ]);
    expect(coverage.unusedStatements.map(s => s.policy)).toEqual([
      'trustPolicy',
      'read-network',
      'manage-routes',
    ]);
    const allowed = checkPolicyCoverage({
      requests: [assumeWorkload],
      roles: [WORKLOAD_ROLE],
      facts,
    });
    expect(allowed.unusedStatements.map(s => s.policy)).toEqual([
      'read-network',
      'manage-routes',
    ]);
  });

  it('reports calls no deployed role answers for', () => {
    const coverage = checkPolicyCoverage({
      requests: [
        describeVpcs,
        assumeRoleRequest(
          mainPrincipalArn,
          region,
          roleArn('999999999999', 'unknown'),
          'backstage-1',
        ),
      ],
      roles: [DNS_ROLE],
      facts,
    });
    expect(
      describeCoverageFailures(coverage).filter(line =>
        line.startsWith('unattributed'),
      ),
    ).toEqual([
      `unattributed: ${workload.accountId} ec2 DescribeVpcs: signed by a session of ${workload.roleName} in ${workload.accountId}, which is not a deployed role`,
      'unattributed: 123456789012 sts AssumeRole: sts:AssumeRole of arn:aws:iam::999999999999:role/unknown, which is not a deployed role',
    ]);
  });

  it('judges role chaining by both the caller policies and the target trust', () => {
    const chained = assumeRoleRequest(
      `arn:aws:sts::${workload.accountId}:assumed-role/${workload.roleName}/backstage-1`,
      region,
      roleArn(dns.accountId, dns.roleName),
      'backstage-2',
    );
    const coverage = checkPolicyCoverage({
      requests: [chained],
      roles: FIXTURE_ROLES,
      facts,
    });
    expect(coverage.evaluated).toBe(2);
    // Neither the DNS role trusts the workload role nor may the workload role assume it.
    expect(coverage.denied.map(d => [d.judgedBy, d.role.roleName])).toEqual([
      ['trust', dns.roleName],
      ['identity', workload.roleName],
    ]);
  });

  it('takes the signing role from principalRole when given', () => {
    const change = route53Request(
      { accountId: '000000000000', roleName: 'proxy-session' },
      'ChangeResourceRecordSets',
      'POST',
      `/hostedzone/${dns.parentZoneId}/rrset`,
      changeBatchXml([['CREATE', `orders.${dns.parentDomain}.`, 'NS']]),
    );
    const coverage = checkPolicyCoverage({
      requests: [change],
      roles: FIXTURE_ROLES,
      facts,
      principalRole: () => DNS_ROLE,
    });
    expect(coverage.denied).toEqual([]);
    expect(
      coverage.unusedStatements
        .filter(s => s.role === DNS_ROLE)
        .map(s => s.sid ?? s.policy),
    ).toEqual(['trustPolicy', 'ReadParent', 'NsDELETE', 'WaitForChanges']);
  });

  it('counts a statement used in one account as used in another account that has its twin, and no other', () => {
    // A second workload account whose role is the first one's, ids and all but the account.
    const twinAccount = '121212121212';
    const twin = {
      ...WORKLOAD_ROLE,
      accountId: twinAccount,
      policies: WORKLOAD_ROLE.policies.map(policy => ({
        ...policy,
        document: JSON.parse(
          JSON.stringify(policy.document).replaceAll(
            workload.accountId,
            twinAccount,
          ),
        ),
      })),
    };
    const roles = [...FIXTURE_ROLES, twin];
    const coverage = checkPolicyCoverage({
      requests: [assumeWorkload, describeVpcs],
      roles,
      facts,
    });
    const describe = (statements: ReturnType<typeof unusedInEveryAccount>) =>
      statements
        .filter(s => s.role.roleName === WORKLOAD_ROLE.roleName)
        .map(s => `${s.role.accountId} ${s.policy} ${s.sid ?? s.index}`);
    // The twin's Describe statement is unused in its own account...
    expect(describe(coverage.unusedStatements)).toContain(
      `${twinAccount} read-network Describe`,
    );
    // ...but the same grant was used in the first account; the route statement in neither.
    const unused = describe(unusedInEveryAccount(coverage, roles));
    expect(unused).not.toContain(`${twinAccount} read-network Describe`);
    expect(unused).toEqual(
      expect.arrayContaining([
        `${workload.accountId} manage-routes RoutesInManagedTables`,
        `${twinAccount} manage-routes RoutesInManagedTables`,
      ]),
    );
  });
});
