import { SANDBOX_EXTERNAL_ID } from '@internal/aws-sandbox';
import { deployedRoles } from './deployedRoles';
import {
  hijackAttempts,
  hijackFacts,
  HijackLandscape,
  judgeAttempt,
} from './iam';
import {
  BACKSTAGE_PRINCIPAL,
  dns,
  network,
  orders,
  REGION,
  rolesConfig,
  TGW,
  VPCS,
  ZONES,
} from './__testUtils__/rolesLandscape';

/**
 * The evaluator's hijack cases (iam/hijackAttempts.ts) against the roles the
 * app synthesizes, not a fixture: each attempt to take a name, a route or a
 * role that is not Backstage's is denied, each legitimate call of the same
 * shape allowed.
 */
describe('the synthesized roles against hijack attempts', () => {
  const roleName = 'backstage-internal-api';
  const landscape: HijackLandscape = {
    region: REGION,
    mainPrincipalArn: BACKSTAGE_PRINCIPAL,
    externalId: SANDBOX_EXTERNAL_ID,
    dns: {
      accountId: dns,
      roleName,
      parentZoneId: ZONES.acme.hostedZoneId,
      parentDomain: ZONES.acme.domain,
      otherZoneId: 'Z0555555555OTHERZONE0',
    },
    workload: {
      accountId: orders,
      roleName,
      vpcId: VPCS.orders,
      // A VPC of the same account that the config does not name.
      otherVpcId: 'vpc-0f0f0f0f0f0f0f0f0',
      managedRouteTableId: 'rtb-0a0a0a0a0a0a0a0a0',
      untaggedRouteTableId: 'rtb-0b0b0b0b0b0b0b0b0',
      otherVpcRouteTableId: 'rtb-0c0c0c0c0c0c0c0c0',
    },
    network: {
      accountId: network,
      roleName,
      tgwRouteTableId: TGW.routeTableId,
      otherTgwRouteTableId: 'tgw-rtb-0fedcba9876543210',
      attachmentId: 'tgw-attach-0123456789abcdef0',
    },
  };
  const roles = deployedRoles(rolesConfig());
  const facts = hijackFacts(landscape);
  const attempts = hijackAttempts(landscape);

  it('has attempts of both outcomes', () => {
    expect(attempts.filter(a => a.expected === 'deny').length).toBeGreaterThan(
      15,
    );
    expect(attempts.filter(a => a.expected === 'allow').length).toBeGreaterThan(
      5,
    );
  });

  it.each(attempts.map(attempt => [attempt.name, attempt]))(
    '%s',
    (_name, attempt) => {
      expect(judgeAttempt(attempt, roles, facts)).toMatchObject({
        decision: attempt.expected,
      });
    },
  );
});
