import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import {
  Landscape,
  LandscapeVpc,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  SandboxConfig,
} from './landscape';
import { createLandscapeVpc, privateSubnet, subnetCidr } from './landscapeVpcs';
import type { MotoServer } from './motoServer';
import type { SubnetSpec } from './vpcs';

/**
 * Adds a VPC in a workload account, attached to the transit gateway unless
 * `attach` is false. With `title` the account becomes a configured workload
 * account with this VPC; without it the VPC is one more VPC in the account,
 * not the one configured for internal APIs (where nothing may be routed).
 * Default subnets: a private one in each of zones a and b.
 */
export async function addWorkloadVpc<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  spec: {
    accountId: string;
    cidr: string;
    attach?: boolean;
    /** Attach with a subnet in these zones only: an attachment that misses a zone of the API. */
    attachZones?: string[];
    /** Off: a VPC without DNS host names, which private-DNS endpoints need. */
    dnsHostnames?: boolean;
    /** VPC endpoints it already has, e.g. ['ecr.api', 's3']. */
    endpoints?: string[];
    /** Its key in `vpcs`; default `<accountId>/<cidr>`. */
    name?: string;
    title?: string;
    /** With `title`: the groups that may create APIs in the account. */
    owners?: string[];
    subnets?: SubnetSpec[];
  },
): Promise<L> {
  const name = spec.name ?? `${spec.accountId}/${spec.cidr}`;
  const { workloadAccounts } = landscape.config.internalApi;
  if (
    spec.title &&
    workloadAccounts.some(a => a.accountId === spec.accountId)
  ) {
    throw new Error(`Account ${spec.accountId} already has a workload VPC`);
  }
  const subnets = spec.subnets ?? [
    privateSubnet('a', subnetCidr(spec.cidr, 1)),
    privateSubnet('b', subnetCidr(spec.cidr, 2)),
  ];
  const vpc = await createLandscapeVpc(moto, landscape, name, {
    accountId: spec.accountId,
    cidr: spec.cidr,
    subnets,
    attach: spec.attach ?? true,
    attachZones: spec.attachZones,
    dnsHostnames: spec.dnsHostnames,
    endpoints: spec.endpoints,
  });
  return withChanges(
    landscape,
    { [name]: vpc },
    {
      workloadAccounts: spec.title
        ? [
            ...workloadAccounts,
            {
              accountId: spec.accountId,
              title: spec.title,
              region: SANDBOX_REGION,
              vpcId: vpc.vpcId,
              ...(spec.owners && { owners: spec.owners }),
            },
          ]
        : workloadAccounts,
    },
  );
}

/**
 * Adds a consumer network: a VPC in `accountId` with `routeTables` route
 * tables (the main one counts; default 1, the main one only), attached to the
 * transit gateway unless `attach` is false, and configured as consumer `name`.
 * Its subnets lie in `zones` (default zone a, in turn), one per route table of its own.
 */
export async function addConsumerVpc<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  spec: {
    name: string;
    accountId: string;
    cidr: string;
    routeTables?: number;
    attach?: boolean;
    /** Zones of its subnets, in turn, e.g. ['eu-west-1a', 'eu-west-1b'] (default: all in zone a). */
    zones?: string[];
    /** Attach with a subnet in these zones only: an attachment that misses a zone its subnets use. */
    attachZones?: string[];
    /** Its key in `vpcs`; default the consumer name. */
    vpcName?: string;
    /** The groups that may add it, and whether others need their approval. */
    owners?: string[];
    approval?: 'required' | 'none';
  },
): Promise<L> {
  const { routeTables = 1 } = spec;
  const { consumers } = landscape.config.internalApi;
  if (consumers.some(consumer => consumer.name === spec.name)) {
    throw new Error(`Consumer ${spec.name} is already configured`);
  }
  // Every VPC needs a subnet, if only to attach it; a single table is the main one.
  const zones = spec.zones ?? [`${SANDBOX_REGION}a`];
  const subnets = Array.from(
    { length: Math.max(1, routeTables - 1) },
    (_, i): SubnetSpec => ({
      availabilityZone: zones[i % zones.length],
      cidr: subnetCidr(spec.cidr, i + 1),
      ...(routeTables > 1 && {
        tags: { Tier: 'private' },
        ownRouteTable: true,
      }),
    }),
  );
  const name = spec.vpcName ?? spec.name;
  const vpc = await createLandscapeVpc(moto, landscape, name, {
    accountId: spec.accountId,
    cidr: spec.cidr,
    subnets,
    attach: spec.attach ?? true,
    attachZones: spec.attachZones,
  });
  return withChanges(
    landscape,
    { [name]: vpc },
    {
      consumers: [
        ...consumers,
        {
          name: spec.name,
          accountId: spec.accountId,
          region: SANDBOX_REGION,
          vpcId: vpc.vpcId,
          ...(spec.owners && { owners: spec.owners }),
          ...(spec.approval && { approval: spec.approval }),
        },
      ],
    },
  );
}

/** Adds a public hosted zone for `domain` (by default in the DNS account) as a parent zone. */
export async function addParentZone<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  domain: string,
  accountId: string = SANDBOX_ACCOUNTS.dns,
): Promise<L> {
  const route53 = await route53In(moto, accountId);
  try {
    const { HostedZone } = await route53.send(
      new CreateHostedZoneCommand({
        Name: domain,
        CallerReference: `sandbox-${domain}`,
      }),
    );
    const hostedZoneId = HostedZone!.Id!.replace('/hostedzone/', '');
    return withChanges(
      landscape,
      {},
      {
        parentZones: [
          ...landscape.config.internalApi.parentZones,
          { domain, hostedZoneId, accountId },
        ],
      },
    );
  } finally {
    route53.destroy();
  }
}

export function withChanges<L extends Landscape>(
  landscape: L,
  vpcs: Record<string, LandscapeVpc>,
  internalApi: Partial<SandboxConfig['internalApi']> = {},
): L {
  return {
    ...landscape,
    vpcs: { ...landscape.vpcs, ...vpcs },
    config: {
      ...landscape.config,
      internalApi: { ...landscape.config.internalApi, ...internalApi },
    },
  } as L;
}
