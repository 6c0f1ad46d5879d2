import { deployedRoles } from './deployedRoles';
import {
  BACKSTAGE_PRINCIPAL,
  dns,
  orders,
  payments,
  rolesConfig,
  ZONES,
} from './__testUtils__/rolesLandscape';

describe('deployedRoles', () => {
  const roles = deployedRoles(
    rolesConfig({
      github: {
        owner: 'acme',
        repositories: ['orders-api'],
        createOidcProvider: true,
      },
    }),
  );
  const role = (accountId: string, roleName: string) =>
    roles.find(r => r.accountId === accountId && r.roleName === roleName)!;

  it('reads every role of every account from the synthesized templates', () => {
    expect(roles.map(r => `${r.accountId}/${r.roleName}`).sort()).toEqual(
      [
        ...Object.values({ orders, payments }).map(a => `${a}/github-deploy`),
        ...[
          '111122223333',
          dns,
          orders,
          payments,
          '777788889999',
          '888899990000',
        ].map(a => `${a}/backstage-internal-api`),
      ].sort(),
    );
  });

  it('leaves no intrinsic unresolved', () => {
    expect(JSON.stringify(roles)).not.toMatch(/"Ref"|"Fn::/);
  });

  it('names each policy after what it grants, with its document', () => {
    const dnsRole = role(dns, 'backstage-internal-api');
    expect(dnsRole.trustPolicy.Statement[0].Principal).toEqual({
      AWS: BACKSTAGE_PRINCIPAL,
    });
    expect(dnsRole.policies.map(p => p.name)).toEqual([
      'backstage-internal-api-delegate-subdomains',
    ]);
    expect(dnsRole.policies[0].document.Statement).toContainEqual(
      expect.objectContaining({
        Sid: 'DelegateSubdomainsFromAcmeCom',
        Resource: `arn:aws:route53:::hostedzone/${ZONES.acme.hostedZoneId}`,
      }),
    );
  });

  it('resolves the created OIDC provider to its ARN in the deploy role’s trust', () => {
    expect(
      role(orders, 'github-deploy').trustPolicy.Statement[0].Principal,
    ).toEqual({
      Federated: `arn:aws:iam::${orders}:oidc-provider/token.actions.githubusercontent.com`,
    });
  });

  it('gives the multi-kind payments account one role with the union of its policies', () => {
    expect(
      role(payments, 'backstage-internal-api').policies.map(p => p.name),
    ).toEqual([
      'backstage-internal-api-read-networks',
      'backstage-internal-api-route-vpcs',
      'backstage-internal-api-api-zones',
      'backstage-internal-api-delegate-subdomains',
    ]);
  });
});
