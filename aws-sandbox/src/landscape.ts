import { CreateTransitGatewayCommand } from '@aws-sdk/client-ec2';
import { ec2In } from './accounts';
import type { MotoServer } from './motoServer';
import type { CreatedSubnet } from './vpcs';

export const SANDBOX_REGION = 'eu-west-1';

/**
 * The backend's AWS keys in the sandbox (moto accepts any). Backstage masks
 * config secrets by value in its logs, so they must never occur in ordinary
 * text: a plain word like `sandbox` masked every path through `.sandbox/`.
 * Shaped like AWS's documentation examples (`…EXAMPLE`, `…EXAMPLEKEY`), which
 * secret scanners recognise as fake.
 */
export const SANDBOX_MAIN_ACCOUNT_KEYS = {
  accessKeyId: 'AKIASANDBOX00EXAMPLE',
  secretAccessKey: '1WQWmaL6mHidvl3mJ8M3w19wiHJKiLEXAMPLEKEY',
};

/**
 * The external id the sandbox's roles expect from Backstage (`sts:ExternalId`
 * in their trust policies, aws-roles). Backstage masks it in logs (a secret),
 * so it is a string no log line would otherwise contain.
 */
export const SANDBOX_EXTERNAL_ID = 'internal-api-sandbox-EXAMPLE-external-id';

/** The accounts of the sandbox landscape, by role. */
export const SANDBOX_ACCOUNTS = {
  network: '111122223333',
  dns: '222233334444',
  orders: '444455556666',
  payments: '555566667777',
  customer: '777788889999',
  partner: '888899990000',
} as const;

/** The sandbox's teams (org/sandbox.yaml) that its internalApi config names. */
export const SANDBOX_GROUPS = {
  orders: 'group:default/orders-team',
  payments: 'group:default/payments-team',
  platformAdmins: 'group:default/platform-admins',
} as const;

/** A VPC of the landscape, with the account it lives in. */
export type LandscapeVpc = {
  accountId: string;
  cidr: string;
  vpcId: string;
  subnets: CreatedSubnet[];
  /** Its transit gateway attachment, when attached. */
  attachmentId?: string;
  /** The internet gateway a foreign route leads to (see addForeignRoute). */
  internetGatewayId?: string;
};

// `type`, not `interface`: Backstage's config readers take JSON objects, which interfaces are not.
export type WorkloadAccountConfig = {
  accountId: string;
  title: string;
  region: string;
  vpcId: string;
  /** Group refs whose members may create APIs in it; none: admins only. */
  owners?: string[];
};
export type ConsumerConfig = {
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** Group refs whose members may add it (and approve it for others); none: admins only. */
  owners?: string[];
  approval?: 'required' | 'none';
};
export type ParentZoneConfig = {
  domain: string;
  hostedZoneId: string;
  accountId: string;
};

/** The Backstage config (`aws` and `internalApi`) that describes a landscape. */
export type SandboxConfig = {
  aws: {
    mainAccount: { accessKeyId: string; secretAccessKey: string };
    accountDefaults: { roleName: string; region: string; externalId: string };
  };
  internalApi: {
    workloadAccounts: WorkloadAccountConfig[];
    consumers: ConsumerConfig[];
    transitGateway: {
      accountId: string;
      region: string;
      id: string;
      routeTableId: string;
    };
    parentZones: ParentZoneConfig[];
    /** Group refs of the admins, who may use and change everything. */
    admins?: string[];
  };
};

/**
 * Resources in the emulator and the config that describes them. The
 * extensions (landscapeExtensions.ts) return a new value rather than changing
 * this one, so config, state readers and tests always see the same VPCs.
 */
export type Landscape = {
  config: SandboxConfig;
  transitGatewayId: string;
  /** By name: the seeded ones and whatever extensions added. */
  vpcs: Record<string, LandscapeVpc>;
};

/** The seeded landscape (see seedLandscape), plus whatever extensions added. */
export type SandboxLandscape = Landscape & {
  vpcs: Record<'orders' | 'payments' | 'customer' | 'partner', LandscapeVpc>;
};

/**
 * A landscape with only the network account's transit gateway. Resets the
 * emulator first, so building on it never finds resources of an earlier run.
 */
export async function emptyLandscape(moto: MotoServer): Promise<Landscape> {
  await moto.reset();
  const network = await ec2In(moto, SANDBOX_ACCOUNTS.network);
  try {
    const { TransitGateway } = await network.send(
      new CreateTransitGatewayCommand({ Description: 'shared' }),
    );
    const transitGatewayId = TransitGateway!.TransitGatewayId!;
    return {
      transitGatewayId,
      vpcs: {},
      config: {
        aws: {
          mainAccount: { ...SANDBOX_MAIN_ACCOUNT_KEYS },
          accountDefaults: {
            roleName: 'backstage-internal-api',
            region: SANDBOX_REGION,
            externalId: SANDBOX_EXTERNAL_ID,
          },
        },
        internalApi: {
          workloadAccounts: [],
          consumers: [],
          transitGateway: {
            accountId: SANDBOX_ACCOUNTS.network,
            region: SANDBOX_REGION,
            id: transitGatewayId,
            routeTableId:
              TransitGateway!.Options!.AssociationDefaultRouteTableId!,
          },
          parentZones: [],
        },
      },
    };
  } finally {
    network.destroy();
  }
}

/**
 * The placement a template passes on for a VPC (as resolve-placement outputs
 * it): its private subnets, i.e. those with a route table of their own.
 */
export function placementOf(landscape: Landscape, vpcName: string) {
  const vpc = landscape.vpcs[vpcName];
  if (!vpc) {
    throw new Error(`The landscape has no VPC named '${vpcName}'`);
  }
  return {
    accountId: vpc.accountId,
    region: SANDBOX_REGION,
    vpcId: vpc.vpcId,
    // The private subnets: each has its own route table.
    subnets: vpc.subnets.filter(
      (subnet): subnet is CreatedSubnet & { routeTableId: string } =>
        Boolean(subnet.routeTableId),
    ),
  };
}
