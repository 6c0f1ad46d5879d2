import {
  DescribeRouteTablesCommand,
  EC2Client,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import {
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { accountClientConfig } from './accounts';
import {
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  SandboxLandscape,
} from './landscape';
import type { MotoServer } from './motoServer';

/**
 * Everything the internal-api actions may write in the sandbox, read back
 * from the emulator as sorted text lines: VPC routes per account, the
 * transit gateway's static routes, and every hosted zone with its records.
 * Two snapshots are equal exactly when nothing the actions touch changed.
 */
export async function landscapeState(
  moto: MotoServer,
  landscape: SandboxLandscape,
) {
  const ec2In = async (accountId: string) =>
    new EC2Client(await accountClientConfig(moto, accountId, SANDBOX_REGION));

  const vpcRoutes: Record<string, string[]> = {};
  for (const [name, vpc] of Object.entries(landscape.vpcs)) {
    const accountId = SANDBOX_ACCOUNTS[name as keyof typeof landscape.vpcs];
    const ec2 = await ec2In(accountId);
    const { RouteTables = [] } = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpc.vpcId] }],
      }),
    );
    ec2.destroy();
    vpcRoutes[name] = RouteTables.flatMap(table =>
      (table.Routes ?? []).map(
        route =>
          `${table.RouteTableId} ${route.DestinationCidrBlock} -> ${
            route.TransitGatewayId ?? route.GatewayId ?? '?'
          } ${route.State}`,
      ),
    ).sort();
  }

  const { transitGateway } = landscape.config.internalApi;
  const network = await ec2In(transitGateway.accountId);
  const { Routes = [] } = await network.send(
    new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: transitGateway.routeTableId,
      Filters: [{ Name: 'type', Values: ['static'] }],
    }),
  );
  network.destroy();
  const transitGatewayRoutes = Routes.map(
    route => `${route.DestinationCidrBlock} ${route.State}`,
  ).sort();

  const hostedZones: Record<string, string[]> = {};
  for (const accountId of [
    SANDBOX_ACCOUNTS.dns,
    SANDBOX_ACCOUNTS.orders,
    SANDBOX_ACCOUNTS.payments,
  ]) {
    const route53 = new Route53Client({
      ...(await accountClientConfig(moto, accountId)),
      region: 'us-east-1',
    });
    const { HostedZones = [] } = await route53.send(
      new ListHostedZonesCommand({}),
    );
    for (const zone of HostedZones) {
      const { ResourceRecordSets = [] } = await route53.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zone.Id }),
      );
      hostedZones[`${accountId} ${zone.Name}`] = ResourceRecordSets.map(
        set =>
          `${set.Name} ${set.Type} ${(set.ResourceRecords ?? [])
            .map(record => record.Value)
            .join(',')}`,
      ).sort();
    }
    route53.destroy();
  }

  return { vpcRoutes, transitGatewayRoutes, hostedZones };
}

export type LandscapeState = Awaited<ReturnType<typeof landscapeState>>;
