import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateTransitGatewayRouteCommand,
  DeleteTransitGatewayRouteCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
} from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import type { Landscape } from './landscape';
import { withChanges } from './landscapeExtensions';
import { withEc2 } from './landscapeVpcs';
import type { MotoServer } from './motoServer';

/**
 * Changes someone makes by hand, outside the platform, to routes an action
 * created: what a day-2 action must notice and leave alone. They go through
 * the recording proxy (pass the sandbox's `proxy`), which remembers the
 * targets of routes created through it: so it, and the code under test, see
 * the change as AWS would.
 */
type Proxy = { endpoint: string };

const through = (proxy: Proxy) => ({ endpoint: proxy.endpoint } as MotoServer);

/**
 * The VPC route for `cidr` in `routeTableId` now leads to the VPC's internet
 * gateway (created and attached on first use) instead (ReplaceRoute).
 */
export async function repointVpcRouteByHand<L extends Landscape>(
  proxy: Proxy,
  landscape: L,
  spec: { vpc: string; routeTableId: string; cidr: string },
): Promise<{ landscape: L; targetId: string }> {
  const vpc = landscape.vpcs[spec.vpc];
  if (!vpc) {
    throw new Error(`The landscape has no VPC named '${spec.vpc}'`);
  }
  return withEc2(through(proxy), vpc.accountId, async ec2 => {
    let targetId = vpc.internetGatewayId;
    if (!targetId) {
      const { InternetGateway } = await ec2.send(
        new CreateInternetGatewayCommand({}),
      );
      targetId = InternetGateway!.InternetGatewayId!;
      await ec2.send(
        new AttachInternetGatewayCommand({
          InternetGatewayId: targetId,
          VpcId: vpc.vpcId,
        }),
      );
    }
    await ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: spec.routeTableId,
        DestinationCidrBlock: spec.cidr,
        GatewayId: targetId,
      }),
    );
    return {
      targetId,
      landscape: withChanges(landscape, {
        [spec.vpc]: { ...vpc, internetGatewayId: targetId },
      }),
    };
  });
}

/**
 * The transit gateway's static route for `cidr` (in the configured route
 * table) now leads to `attachmentId`: deleted and created again, since moto
 * has no ReplaceTransitGatewayRoute.
 */
export async function repointTgwRouteByHand(
  proxy: Proxy,
  landscape: Landscape,
  spec: { cidr: string; attachmentId: string },
): Promise<void> {
  const { accountId, routeTableId } =
    landscape.config.internalApi.transitGateway;
  await withEc2(through(proxy), accountId, async ec2 => {
    await ec2.send(
      new DeleteTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: routeTableId,
        DestinationCidrBlock: spec.cidr,
      }),
    );
    await ec2.send(
      new CreateTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: routeTableId,
        DestinationCidrBlock: spec.cidr,
        TransitGatewayAttachmentId: spec.attachmentId,
      }),
    );
  });
}

/**
 * An A record for `domainName` in its own zone in `accountId`, as the API's
 * deployed stack adds one: what a decommission must refuse to remove. Goes to
 * the emulator directly (pass the sandbox's `moto`), so the proxy records no
 * write. Resolves to a function that deletes the record again.
 */
export async function addStackRecordByHand(
  moto: MotoServer,
  spec: { accountId: string; domainName: string },
): Promise<() => Promise<void>> {
  const change = async (Action: 'UPSERT' | 'DELETE') => {
    const route53 = await route53In(moto, spec.accountId);
    try {
      const { HostedZones = [] } = await route53.send(
        new ListHostedZonesByNameCommand({ DNSName: spec.domainName }),
      );
      const zone = HostedZones.find(z => z.Name === `${spec.domainName}.`);
      if (!zone) {
        throw new Error(`No zone ${spec.domainName} in ${spec.accountId}`);
      }
      await route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone.Id,
          ChangeBatch: {
            Changes: [
              {
                Action,
                ResourceRecordSet: {
                  Name: spec.domainName,
                  Type: 'A',
                  TTL: 60,
                  ResourceRecords: [{ Value: '10.1.0.10' }],
                },
              },
            ],
          },
        }),
      );
    } finally {
      route53.destroy();
    }
  };
  await change('UPSERT');
  return () => change('DELETE');
}
