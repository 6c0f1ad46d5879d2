/**
 * Calls someone holding a role's credentials could make to take traffic or a
 * name that is not theirs, beside the legitimate calls of the same shape. A
 * role's policies fit when every attempt is denied and every legitimate call
 * allowed. Written as data over a landscape so the same cases run against
 * the fixture roles (hijackAttempts.test.ts) and the synthesized ones.
 */
import type { AwsRequest } from '@internal/aws-sandbox';
import { MANAGED_ROUTE_TABLE_TAG } from '@internal/plugin-internal-api-common';
import type { ResourceFacts } from './iamRequests';
import type { DeployedRole } from './policyDocument';
import {
  checkPolicyCoverage,
  describeCoverageFailures,
} from './policyCoverage';
import {
  assumeRoleRequest,
  changeBatchXml,
  ec2Request,
  route53Request,
} from './recordedRequests';

export interface HijackLandscape {
  region: string;
  /** Who signs AssumeRole: the backend's own principal. */
  mainPrincipalArn: string;
  /** The external id the backend sends (the trust policies require it). */
  externalId: string;
  dns: {
    accountId: string;
    roleName: string;
    parentZoneId: string;
    parentDomain: string;
    otherZoneId: string;
  };
  workload: {
    accountId: string;
    roleName: string;
    vpcId: string;
    otherVpcId: string;
    /** Tagged as managed, in vpcId. */
    managedRouteTableId: string;
    /** In vpcId, not tagged. */
    untaggedRouteTableId: string;
    /** Tagged as managed, in otherVpcId. */
    otherVpcRouteTableId: string;
  };
  network: {
    accountId: string;
    roleName: string;
    tgwRouteTableId: string;
    otherTgwRouteTableId: string;
    attachmentId: string;
  };
}

export interface HijackCase {
  name: string;
  request: AwsRequest;
  /** What the policies must decide. */
  expected: 'allow' | 'deny';
}

/** The emulator's answers for the landscape's route tables. */
export function hijackFacts(landscape: HijackLandscape): ResourceFacts {
  const { workload } = landscape;
  const managed = {
    [MANAGED_ROUTE_TABLE_TAG.key]: MANAGED_ROUTE_TABLE_TAG.value,
  };
  const tables: Record<
    string,
    { vpcId: string; tags: Record<string, string> }
  > = {
    [workload.managedRouteTableId]: { vpcId: workload.vpcId, tags: managed },
    [workload.untaggedRouteTableId]: { vpcId: workload.vpcId, tags: {} },
    [workload.otherVpcRouteTableId]: {
      vpcId: workload.otherVpcId,
      tags: managed,
    },
  };
  return {
    routeTable: (accountId, _region, id) =>
      accountId === workload.accountId ? tables[id] : undefined,
  };
}

export function hijackAttempts(landscape: HijackLandscape): HijackCase[] {
  const { region, dns, workload, network } = landscape;
  const apex = landscape.dns.parentDomain;
  const change = (
    changes: Array<[string, string, string]>,
    zoneId = dns.parentZoneId,
  ) =>
    route53Request(
      dns,
      'ChangeResourceRecordSets',
      'POST',
      `/hostedzone/${zoneId}/rrset`,
      changeBatchXml(changes),
    );
  const route = (action: string, routeTableId: string, dryRun = false) =>
    ec2Request(workload, region, {
      Action: action,
      RouteTableId: routeTableId,
      DestinationCidrBlock: '10.20.0.0/16',
      ...(action === 'CreateRoute'
        ? { TransitGatewayId: 'tgw-0123456789abcdef0' }
        : {}),
      ...(dryRun ? { DryRun: 'true' } : {}),
    });
  const tgwRoute = (action: string, routeTableId: string) =>
    ec2Request(network, region, {
      Action: action,
      TransitGatewayRouteTableId: routeTableId,
      DestinationCidrBlock: '10.10.0.0/16',
      ...(action === 'CreateTransitGatewayRoute'
        ? { TransitGatewayAttachmentId: network.attachmentId }
        : {}),
    });
  const assume = (
    principalArn: string,
    sessionName: string,
    externalId = landscape.externalId,
  ) =>
    assumeRoleRequest(
      principalArn,
      region,
      `arn:aws:iam::${workload.accountId}:role/${workload.roleName}`,
      sessionName,
      { ExternalId: externalId },
    );
  const name = `orders.${apex}.`;
  return [
    {
      name: 'NS CREATE under the parent',
      request: change([['CREATE', name, 'NS']]),
      expected: 'allow',
    },
    {
      name: 'NS DELETE under the parent',
      request: change([['DELETE', name, 'NS']]),
      expected: 'allow',
    },
    {
      name: 'NS CREATE in upper case',
      request: change([['CREATE', name.toUpperCase(), 'NS']]),
      expected: 'allow',
    },
    {
      name: 'NS CREATE for evil.com',
      request: change([['CREATE', 'evil.com.', 'NS']]),
      expected: 'deny',
    },
    {
      name: `NS CREATE for ${apex}.evil.com`,
      request: change([['CREATE', `${apex}.evil.com.`, 'NS']]),
      expected: 'deny',
    },
    {
      name: `NS CREATE for the apex ${apex}`,
      request: change([['CREATE', `${apex}.`, 'NS']]),
      expected: 'deny',
    },
    {
      name: `NS CREATE for a look-alike x${apex}`,
      request: change([['CREATE', `x${apex}.`, 'NS']]),
      expected: 'deny',
    },
    {
      name: 'NS UPSERT under the parent',
      request: change([['UPSERT', name, 'NS']]),
      expected: 'deny',
    },
    {
      name: 'A record CREATE under the parent',
      request: change([['CREATE', name, 'A']]),
      expected: 'deny',
    },
    {
      name: 'CREATE batch mixing an allowed and a forbidden name',
      request: change([
        ['CREATE', name, 'NS'],
        ['CREATE', 'evil.com.', 'NS'],
      ]),
      expected: 'deny',
    },
    {
      name: 're-delegation: DELETE and CREATE in one batch',
      request: change([
        ['DELETE', name, 'NS'],
        ['CREATE', name, 'NS'],
      ]),
      expected: 'deny',
    },
    {
      name: 'NS CREATE in another zone',
      request: change([['CREATE', name, 'NS']], dns.otherZoneId),
      expected: 'deny',
    },
    {
      name: 'route in the managed table',
      request: route('CreateRoute', workload.managedRouteTableId),
      expected: 'allow',
    },
    {
      name: 'dry-run route in the managed table',
      request: route('CreateRoute', workload.managedRouteTableId, true),
      expected: 'allow',
    },
    {
      name: 'route removal in the managed table',
      request: route('DeleteRoute', workload.managedRouteTableId),
      expected: 'allow',
    },
    {
      name: 'route in an untagged table',
      request: route('CreateRoute', workload.untaggedRouteTableId),
      expected: 'deny',
    },
    {
      name: 'dry-run route in an untagged table',
      request: route('CreateRoute', workload.untaggedRouteTableId, true),
      expected: 'deny',
    },
    {
      name: 'route removal in an untagged table',
      request: route('DeleteRoute', workload.untaggedRouteTableId),
      expected: 'deny',
    },
    {
      name: 'route in a tagged table of another VPC',
      request: route('CreateRoute', workload.otherVpcRouteTableId),
      expected: 'deny',
    },
    {
      name: 'route in a table nobody knows',
      request: route('CreateRoute', 'rtb-0000000000000000f'),
      expected: 'deny',
    },
    {
      name: 'TGW route in the configured table',
      request: tgwRoute('CreateTransitGatewayRoute', network.tgwRouteTableId),
      expected: 'allow',
    },
    {
      name: 'TGW route removal in the configured table',
      request: tgwRoute('DeleteTransitGatewayRoute', network.tgwRouteTableId),
      expected: 'allow',
    },
    {
      name: 'TGW route in another table',
      request: tgwRoute(
        'CreateTransitGatewayRoute',
        network.otherTgwRouteTableId,
      ),
      expected: 'deny',
    },
    {
      name: 'TGW route removal in another table',
      request: tgwRoute(
        'DeleteTransitGatewayRoute',
        network.otherTgwRouteTableId,
      ),
      expected: 'deny',
    },
    {
      name: 'AssumeRole by the backend',
      request: assume(landscape.mainPrincipalArn, 'backstage-task-1'),
      expected: 'allow',
    },
    {
      name: 'AssumeRole with another external id',
      request: assume(
        landscape.mainPrincipalArn,
        'backstage-task-1',
        'guessed-external-id',
      ),
      expected: 'deny',
    },
    {
      name: 'AssumeRole with a foreign session name',
      request: assume(landscape.mainPrincipalArn, 'mallory'),
      expected: 'deny',
    },
    {
      name: 'AssumeRole by another account',
      request: assume(
        'arn:aws:iam::999999999999:user/mallory',
        'backstage-task-1',
      ),
      expected: 'deny',
    },
  ];
}

/**
 * How the roles decide one attempt: `allow` when every IAM request of the
 * call is allowed, else `deny` with the evaluator's lines saying why. Throws
 * when no role answers for the call (an allow nothing evaluated would prove
 * nothing).
 */
export function judgeAttempt(
  attempt: HijackCase,
  roles: DeployedRole[],
  facts: ResourceFacts,
): { decision: 'allow' | 'deny'; failures: string[] } {
  const coverage = checkPolicyCoverage({
    requests: [attempt.request],
    roles,
    facts,
  });
  if (coverage.evaluated === 0 || coverage.unattributed.length > 0) {
    throw new Error(
      `No role judged '${attempt.name}': ${JSON.stringify(
        coverage.unattributed,
      )}`,
    );
  }
  const failures = describeCoverageFailures({
    ...coverage,
    unusedStatements: [],
  });
  return { decision: failures.length === 0 ? 'allow' : 'deny', failures };
}
