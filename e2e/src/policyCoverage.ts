import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import {
  AwsRequest,
  ec2In,
  Landscape,
  MotoServer,
  SANDBOX_EXTERNAL_ID,
  SANDBOX_MAIN_PRINCIPAL,
} from '@internal/aws-sandbox';
import {
  checkPolicyCoverage,
  deployedRoles,
  describeCoverageFailures,
  ResourceFacts,
  unusedInEveryAccount,
} from '@internal/aws-roles';

/**
 * The route tables the requests name, read from the emulator once (the
 * evaluator asks for their VPC and tags synchronously, as IAM reads them
 * from the resource).
 */
async function routeTableFacts(
  moto: MotoServer,
  requests: AwsRequest[],
): Promise<ResourceFacts> {
  const wanted = new Map<string, Set<string>>();
  for (const request of requests) {
    const id = request.params.RouteTableId;
    if (request.service === 'ec2' && id) {
      const key = `${request.accountId}/${request.region}`;
      wanted.set(key, new Set([...(wanted.get(key) ?? []), id]));
    }
  }
  const tables = new Map<
    string,
    { vpcId: string; tags: Record<string, string> }
  >();
  for (const [key, ids] of wanted) {
    const [accountId, region] = key.split('/');
    const ec2 = await ec2In(moto, accountId, region);
    try {
      const { RouteTables = [] } = await ec2.send(
        new DescribeRouteTablesCommand({ RouteTableIds: [...ids] }),
      );
      for (const table of RouteTables) {
        tables.set(`${key}/${table.RouteTableId}`, {
          vpcId: table.VpcId!,
          tags: Object.fromEntries(
            (table.Tags ?? []).map(tag => [tag.Key!, tag.Value!]),
          ),
        });
      }
    } finally {
      ec2.destroy();
    }
  }
  return {
    routeTable: (accountId, region, id) =>
      tables.get(`${accountId}/${region}/${id}`),
  };
}

/**
 * Judges every AWS request the backend made (the proxy's log) by the roles
 * aws-roles synthesizes for this landscape, as IAM would: one line per call
 * the policies would deny, per call no role accounts for, and per statement
 * no call used in any account (a grant the Payments account's role has and
 * the Orders one used counts as used: one template per kind of account).
 * Empty when the policies fit the code exactly.
 */
export async function policyCoverageFailures(
  moto: MotoServer,
  landscape: Landscape,
  requests: AwsRequest[],
): Promise<{ failures: string[]; evaluated: number }> {
  const roles = deployedRoles({
    backstagePrincipalArn: SANDBOX_MAIN_PRINCIPAL,
    externalId: SANDBOX_EXTERNAL_ID,
    roleName: landscape.config.aws.accountDefaults.roleName,
    internalApi: landscape.config.internalApi,
  });
  const coverage = checkPolicyCoverage({
    requests,
    roles,
    facts: await routeTableFacts(moto, requests),
  });
  return {
    failures: describeCoverageFailures({
      ...coverage,
      unusedStatements: unusedInEveryAccount(coverage, roles),
    }),
    evaluated: coverage.evaluated,
  };
}
