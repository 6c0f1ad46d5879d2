import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayVpcAttachmentCommand,
} from '@aws-sdk/client-ec2';
import { ConfigReader } from '@backstage/config';
import { createVpcWithSubnets } from '@internal/aws-sandbox';
import { readInternalApiConfig } from '../config';
import {
  ec2In,
  ORDERS_ACCOUNT,
  REGION,
  startPlacementLandscape,
} from './landscape';

export const NETWORK_ACCOUNT = '111122223333';
export const CUSTOMER_ACCOUNT = '777788889999';
export const PARTNER_ACCOUNT = '888899990000';

/**
 * The placement landscape plus a network account with the transit gateway (the
 * Orders VPC attached to it) and consumer VPCs in their own accounts:
 * - customer-api 10.40.0.0/16: two route tables (a private one and the main one)
 * - partner-api 10.50.0.0/16: the main route table only
 * - legacy-api 10.10.0.0/16: overlaps the Orders VPC
 * - shared-services 10.60.0.0/16: already routes the Orders CIDR to an internet gateway
 */
export async function startRoutingLandscape() {
  const placement = await startPlacementLandscape();
  const { moto, orders } = placement;

  const network = await ec2In(moto, NETWORK_ACCOUNT);
  const { TransitGateway } = await network.send(
    new CreateTransitGatewayCommand({ Description: 'shared' }),
  );
  const transitGatewayId = TransitGateway!.TransitGatewayId!;
  const tgwRouteTableId =
    TransitGateway!.Options!.AssociationDefaultRouteTableId!;
  // The emulator has no resource sharing: the network account attaches the workload VPC by id.
  const { TransitGatewayVpcAttachment } = await network.send(
    new CreateTransitGatewayVpcAttachmentCommand({
      TransitGatewayId: transitGatewayId,
      VpcId: orders.vpcId,
      SubnetIds: orders.subnets.slice(0, 3).map(s => s.subnetId),
    }),
  );
  network.destroy();

  const consumerVpc = async (
    accountId: string,
    cidr: string,
    ownRouteTable: boolean,
  ) => {
    const ec2 = await ec2In(moto, accountId);
    const firstTwoOctets = cidr.split('.').slice(0, 2).join('.');
    const vpc = await createVpcWithSubnets(ec2, {
      cidr,
      subnets: [
        {
          availabilityZone: 'eu-west-1a',
          cidr: `${firstTwoOctets}.1.0/24`,
          ownRouteTable,
        },
      ],
    });
    ec2.destroy();
    return vpc;
  };
  const customer = await consumerVpc(CUSTOMER_ACCOUNT, '10.40.0.0/16', true);
  const partner = await consumerVpc(PARTNER_ACCOUNT, '10.50.0.0/16', false);
  const legacy = await consumerVpc(CUSTOMER_ACCOUNT, '10.10.0.0/16', false);
  const shared = await consumerVpc(PARTNER_ACCOUNT, '10.60.0.0/16', true);
  const partnerEc2 = await ec2In(moto, PARTNER_ACCOUNT);
  const { InternetGateway } = await partnerEc2.send(
    new CreateInternetGatewayCommand({}),
  );
  const internetGatewayId = InternetGateway!.InternetGatewayId!;
  await partnerEc2.send(
    new AttachInternetGatewayCommand({
      InternetGatewayId: internetGatewayId,
      VpcId: shared.vpcId,
    }),
  );
  // Someone else's route for the Orders CIDR: the action must refuse to touch it.
  await partnerEc2.send(
    new CreateRouteCommand({
      RouteTableId: shared.subnets[0].routeTableId,
      DestinationCidrBlock: '10.10.0.0/16',
      GatewayId: internetGatewayId,
    }),
  );
  partnerEc2.destroy();

  const consumer = (name: string, accountId: string, vpcId: string) => ({
    name,
    accountId,
    region: REGION,
    vpcId,
  });
  const config = new ConfigReader({
    ...(placement.config.get() as object),
    internalApi: {
      ...(placement.config.get('internalApi') as object),
      consumers: [
        consumer('customer-api', CUSTOMER_ACCOUNT, customer.vpcId),
        consumer('partner-api', PARTNER_ACCOUNT, partner.vpcId),
        consumer('legacy-api', CUSTOMER_ACCOUNT, legacy.vpcId),
        consumer('shared-services', PARTNER_ACCOUNT, shared.vpcId),
      ],
      transitGateway: {
        accountId: NETWORK_ACCOUNT,
        region: REGION,
        id: transitGatewayId,
        routeTableId: tgwRouteTableId,
      },
    },
  });

  return {
    ...placement,
    config,
    internalApi: readInternalApiConfig(config),
    transitGatewayId,
    tgwRouteTableId,
    attachmentId: TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!,
    customer,
    partner,
    legacy,
    shared,
    internetGatewayId,
  };
}

export type RoutingLandscape = Awaited<
  ReturnType<typeof startRoutingLandscape>
>;

/** The placement output for the Orders VPC, as the template passes it on. */
export function ordersPlacement(landscape: RoutingLandscape) {
  return {
    accountId: ORDERS_ACCOUNT,
    region: REGION,
    vpcId: landscape.orders.vpcId,
    subnets: landscape.orders.subnets.slice(0, 3),
  };
}

/**
 * A consumer VPC with `tables` route tables (the main one counts) in the
 * customer account, as the consumer config entry `wide-<tables>`.
 */
export async function createWideConsumer(
  landscape: RoutingLandscape,
  tables: number,
) {
  const ec2 = await ec2In(landscape.moto, CUSTOMER_ACCOUNT);
  const second = 70 + tables;
  try {
    const vpc = await createVpcWithSubnets(ec2, {
      cidr: `10.${second}.0.0/16`,
      // The main route table counts as one, so `tables - 1` subnets get their own.
      subnets: Array.from({ length: tables - 1 }, (_, i) => ({
        availabilityZone: `${REGION}a`,
        cidr: `10.${second}.${i}.0/24`,
        ownRouteTable: true,
      })),
    });
    return {
      name: `wide-${tables}`,
      accountId: CUSTOMER_ACCOUNT,
      region: REGION,
      vpcId: vpc.vpcId,
    };
  } finally {
    ec2.destroy();
  }
}

/**
 * A second VPC in the Orders account, also attached to the transit gateway but
 * not the one configured for internal APIs: what a template must not route into.
 */
export async function createOtherOrdersVpc(landscape: RoutingLandscape) {
  const ec2 = await ec2In(landscape.moto, ORDERS_ACCOUNT);
  const vpc = await createVpcWithSubnets(ec2, {
    cidr: '10.90.0.0/16',
    subnets: ['a', 'b'].map((zone, i) => ({
      availabilityZone: `${REGION}${zone}`,
      cidr: `10.90.${i}.0/24`,
      ownRouteTable: true,
    })),
  });
  ec2.destroy();
  const network = await ec2In(landscape.moto, NETWORK_ACCOUNT);
  await network.send(
    new CreateTransitGatewayVpcAttachmentCommand({
      TransitGatewayId: landscape.transitGatewayId,
      VpcId: vpc.vpcId,
      SubnetIds: vpc.subnets.map(s => s.subnetId),
    }),
  );
  network.destroy();
  return vpc;
}
