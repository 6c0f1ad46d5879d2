import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  AwsLocation,
  ConsumerNetwork,
  WorkloadAccount,
} from '@internal/plugin-internal-api-common';
import { AccessConfig, readApproval, readOwners } from './access/accessConfig';

export type TransitGatewayConfig = AwsLocation & {
  id: string;
  routeTableId?: string;
};

export type ParentZone = {
  domain: string;
  hostedZoneId: string;
  accountId: string;
};

/** The `internalApi` config block, typed. */
export interface InternalApiConfig {
  workloadAccounts: WorkloadAccount[];
  consumers: ConsumerNetwork[];
  transitGateway?: TransitGatewayConfig;
  parentZones: ParentZone[];
  /**
   * Who may use which account and consumer, and who the admins are: the
   * access rules' input (access/rules.ts). Kept apart from the accounts and
   * consumers above, which plans and the form's lookups pass on as they are.
   */
  access: AccessConfig;
}

/**
 * Reads `internalApi`. The backend already validated each field's format
 * against config.d.ts; this adds the checks a schema cannot express.
 */
export function readInternalApiConfig(config: Config): InternalApiConfig {
  const block = config.getOptionalConfig('internalApi');
  if (!block) {
    return {
      workloadAccounts: [],
      consumers: [],
      parentZones: [],
      access: { admins: [], workloadAccounts: [], consumers: [] },
    };
  }
  const location = (c: Config): AwsLocation => ({
    accountId: c.getString('accountId'),
    region: c.getString('region'),
  });
  const accountBlocks = block.getConfigArray('workloadAccounts');
  const workloadAccounts = accountBlocks.map(c => ({
    ...location(c),
    title: c.getString('title'),
    vpcId: c.getString('vpcId'),
  }));
  const consumerBlocks = block.getOptionalConfigArray('consumers') ?? [];
  const consumers = consumerBlocks.map(c => ({
    ...location(c),
    name: c.getString('name'),
    vpcId: c.getString('vpcId'),
  }));
  const access: AccessConfig = {
    admins: readOwners(block, 'admins', 'internalApi'),
    workloadAccounts: accountBlocks.map((c, i) => ({
      accountId: workloadAccounts[i].accountId,
      title: workloadAccounts[i].title,
      owners: readOwners(c, 'owners', `internalApi.workloadAccounts[${i}]`),
    })),
    consumers: consumerBlocks.map((c, i) => ({
      name: consumers[i].name,
      owners: readOwners(c, 'owners', `internalApi.consumers[${i}]`),
      approval: readApproval(c, `internalApi.consumers[${i}]`),
    })),
  };
  const tgw = block.getOptionalConfig('transitGateway');
  const parentZones = (block.getOptionalConfigArray('parentZones') ?? []).map(
    c => ({
      domain: c.getString('domain').toLowerCase().replace(/\.$/, ''),
      hostedZoneId: c.getString('hostedZoneId'),
      accountId: c.getString('accountId'),
    }),
  );

  assertUnique(
    'internalApi.workloadAccounts[].accountId',
    workloadAccounts.map(a => a.accountId),
  );
  assertUnique(
    'internalApi.consumers[].name',
    consumers.map(c => c.name),
  );
  assertUnique(
    'internalApi.parentZones[].domain',
    parentZones.map(z => z.domain),
  );

  return {
    workloadAccounts,
    consumers,
    transitGateway: tgw && {
      ...location(tgw),
      id: tgw.getString('id'),
      routeTableId: tgw.getOptionalString('routeTableId'),
    },
    parentZones,
    access,
  };
}

function assertUnique(key: string, values: string[]) {
  const repeated = values.filter(
    (value, index) => values.indexOf(value) !== index,
  );
  if (repeated.length > 0) {
    throw new Error(
      `${key} must be unique; repeated: ${[...new Set(repeated)].join(', ')}`,
    );
  }
}

/**
 * The configured workload account, or an error listing the ones that exist.
 * With a region, also refuses one that is not the account's.
 */
export function findWorkloadAccount(
  config: InternalApiConfig,
  accountId: string,
  region?: string,
): WorkloadAccount {
  const account = config.workloadAccounts.find(a => a.accountId === accountId);
  if (!account) {
    if (config.workloadAccounts.length === 0) {
      throw new InputError(
        `accountId '${accountId}' cannot be used: no workload accounts are configured. ` +
          'A platform engineer adds them under internalApi.workloadAccounts in app-config.yaml.',
      );
    }
    const known = config.workloadAccounts
      .map(a => `${a.accountId} (${a.title})`)
      .join(', ');
    throw new InputError(
      `accountId '${accountId}' is not a configured workload account. Choose one of: ${known}; ` +
        'or ask a platform engineer to add it under internalApi.workloadAccounts.',
    );
  }
  if (region !== undefined && region !== account.region) {
    throw new InputError(
      `region '${region}' is not where account ${accountId} (${account.title}) hosts internal APIs: use '${account.region}'.`,
    );
  }
  return account;
}

/**
 * The VPC an internal API of `account` goes in: only the configured one. That is
 * the VPC the platform team attached to the transit gateway for internal APIs;
 * anyone can register a template, and a template must not place an API in, or
 * route consumers into, another VPC of the account. Refuses any other vpcId
 * before any AWS call.
 * @param vpcId - the template's input; empty means the configured VPC
 * @param options.canBeEmpty - whether the action lets vpcId be left empty, for the fix to name
 */
export function workloadVpcId(
  account: WorkloadAccount,
  vpcId: string | undefined,
  options: { canBeEmpty: boolean },
): string {
  if (!vpcId || vpcId === account.vpcId) {
    return account.vpcId;
  }
  const fix = options.canBeEmpty
    ? `use '${account.vpcId}' or leave vpcId empty.`
    : `use '${account.vpcId}', the vpcId that internal-api:placement:resolve outputs.`;
  throw new InputError(
    `vpcId '${vpcId}' is not the VPC configured for account ${account.accountId} (${account.title}): ${fix} ` +
      'Internal APIs go only in the VPC set under internalApi.workloadAccounts.',
  );
}

/** The named consumer networks, each once, in the order given; refuses unknown names listing the known ones. */
export function findConsumers(
  config: InternalApiConfig,
  names: string[],
): ConsumerNetwork[] {
  const unknown = names.filter(
    name => !config.consumers.some(c => c.name === name),
  );
  if (unknown.length > 0) {
    const known =
      config.consumers.map(c => c.name).join(', ') ||
      'none configured (internalApi.consumers)';
    throw new InputError(
      `consumers: ${unknown
        .map(n => `'${n}'`)
        .join(', ')} not configured. Choose from: ${known}.`,
    );
  }
  return [...new Set(names)].map(
    name => config.consumers.find(c => c.name === name)!,
  );
}

/**
 * A transit gateway is regional: a VPC in another region cannot attach to it.
 * Refuses, before any AWS call, a workload account or consumer whose region
 * is not the gateway's.
 */
export function assertTransitGatewayRegion(
  what: string,
  location: AwsLocation,
  transitGateway: TransitGatewayConfig,
): void {
  if (location.region !== transitGateway.region) {
    throw new InputError(
      `${what} is in ${location.region}, but transit gateway ${transitGateway.id} is in ${transitGateway.region}; ` +
        'a transit gateway carries traffic only for VPCs of its own region. A platform engineer corrects the region in ' +
        'internalApi (or adds a peered gateway in that region).',
    );
  }
}
