/**
 * Reading the roles config: every field checked, every problem reported at
 * once with the field, the value and the fix.
 */
import type { AwsRolesConfig, InternalApiLandscape } from './config';
import {
  duplicates,
  list,
  object,
  optional,
  PATTERNS,
  text,
} from './configFields';

/** Every problem of a config, one per line, each naming the field, the value and the fix. */
export class AwsRolesConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The AWS roles config has ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'AwsRolesConfigError';
  }
}

const field = (where: string, item: Record<string, unknown>, key: string) =>
  text(`${where}.${key}`, item[key], PATTERNS[key as keyof typeof PATTERNS]);

const location = (where: string, item: Record<string, unknown>) => [
  field(where, item, 'accountId'),
  field(where, item, 'region'),
];

const itemOf = (
  where: string,
  item: unknown,
  check: (item: Record<string, unknown>) => string[][],
) => [object(where, item, 'give it as in Backstage config', check)];

function internalApiProblems(internalApi: unknown): string[] {
  return object(
    'internalApi',
    internalApi,
    "copy Backstage's internalApi block (workloadAccounts, consumers, transitGateway, parentZones) beside awsRoles",
    block => [
      list(
        'internalApi.workloadAccounts',
        block.workloadAccounts,
        (item, i) =>
          itemOf(`internalApi.workloadAccounts[${i}]`, item, account => [
            ...location(`internalApi.workloadAccounts[${i}]`, account),
            field(`internalApi.workloadAccounts[${i}]`, account, 'vpcId'),
          ]),
        {
          fix: 'list the accounts where APIs are placed, each with accountId, region and vpcId',
        },
      ),
      optional(block.consumers, () =>
        list(
          'internalApi.consumers',
          block.consumers,
          (item, i) =>
            itemOf(`internalApi.consumers[${i}]`, item, consumer => [
              text(
                `internalApi.consumers[${i}].name`,
                consumer.name,
                PATTERNS.consumerName,
              ),
              ...location(`internalApi.consumers[${i}]`, consumer),
              field(`internalApi.consumers[${i}]`, consumer, 'vpcId'),
            ]),
          {
            fix: 'list the consumer VPCs, each with name, accountId, region and vpcId',
          },
        ),
      ),
      optional(block.transitGateway, () =>
        object(
          'internalApi.transitGateway',
          block.transitGateway,
          'give accountId, region, id and optionally routeTableId',
          tgw => [
            ...location('internalApi.transitGateway', tgw),
            text('internalApi.transitGateway.id', tgw.id, PATTERNS.tgwId),
            optional(tgw.routeTableId, () =>
              text(
                'internalApi.transitGateway.routeTableId',
                tgw.routeTableId,
                PATTERNS.tgwRouteTableId,
              ),
            ),
          ],
        ),
      ),
      optional(block.parentZones, () =>
        list(
          'internalApi.parentZones',
          block.parentZones,
          (item, i) =>
            itemOf(`internalApi.parentZones[${i}]`, item, zone => [
              field(`internalApi.parentZones[${i}]`, zone, 'domain'),
              field(`internalApi.parentZones[${i}]`, zone, 'hostedZoneId'),
              field(`internalApi.parentZones[${i}]`, zone, 'accountId'),
            ]),
          {
            fix: 'list the parent zones, each with domain, hostedZoneId and accountId',
          },
        ),
      ),
    ],
  );
}

function githubProblems(github: unknown): string[] {
  return object(
    'awsRoles.github',
    github,
    'give owner and repositories, or leave github out',
    gh => [
      text('awsRoles.github.owner', gh.owner, PATTERNS.githubOwner),
      list(
        'awsRoles.github.repositories',
        gh.repositories,
        (name, i) => [
          text(
            `awsRoles.github.repositories[${i}]`,
            name,
            PATTERNS.githubRepository,
          ),
        ],
        {
          nonEmpty: true,
          fix: 'list the generated repositories that may deploy, e.g. [orders-api]',
        },
      ),
      optional(gh.environment, () =>
        text(
          'awsRoles.github.environment',
          gh.environment,
          PATTERNS.githubEnvironment,
        ),
      ),
      optional(gh.oidcProviderArn, () =>
        text(
          'awsRoles.github.oidcProviderArn',
          gh.oidcProviderArn,
          PATTERNS.oidcProviderArn,
        ),
      ),
      optional(gh.createOidcProvider, () =>
        typeof gh.createOidcProvider === 'boolean'
          ? []
          : [
              `awsRoles.github.createOidcProvider: ${JSON.stringify(
                gh.createOidcProvider,
              )} is not true or false; set true to create the provider, false (or leave it out) to import it.`,
            ],
      ),
      optional(gh.deployRoleName, () =>
        text(
          'awsRoles.github.deployRoleName',
          gh.deployRoleName,
          PATTERNS.roleName,
        ),
      ),
      gh.oidcProviderArn !== undefined && gh.createOidcProvider === true
        ? [
            'awsRoles.github: both oidcProviderArn and createOidcProvider are set; give oidcProviderArn to import a provider, or createOidcProvider: true to create one, not both.',
          ]
        : [],
    ],
  );
}

/** Problems a field check cannot see: the same account and region, or consumer, listed twice. */
function repeatedEntries(landscape: InternalApiLandscape): string[] {
  return [
    ...duplicates(
      'internalApi.workloadAccounts',
      landscape.workloadAccounts,
      a => `account ${a.accountId} in ${a.region}`,
      'Backstage places an API by account and region, so list each pair once',
    ),
    ...duplicates(
      'internalApi.consumers',
      landscape.consumers ?? [],
      c => `consumer '${c.name}'`,
      'give each consumer its own name',
    ),
    ...duplicates(
      'internalApi.parentZones',
      landscape.parentZones ?? [],
      z => `domain ${z.domain}`,
      'list each parent domain once',
    ),
  ];
}

/**
 * Checks and types the roles config: `awsRoles` fields with the `internalApi`
 * block beside them. Throws AwsRolesConfigError listing every problem.
 */
export function parseAwsRolesConfig(
  awsRoles: unknown,
  internalApi: unknown,
): AwsRolesConfig {
  const problems = [
    ...object(
      'awsRoles',
      awsRoles,
      'give at least backstagePrincipalArn and externalId',
      roles => [
        text(
          'awsRoles.backstagePrincipalArn',
          roles.backstagePrincipalArn,
          PATTERNS.principalArn,
        ),
        text('awsRoles.externalId', roles.externalId, PATTERNS.externalId),
        optional(roles.roleName, () =>
          text('awsRoles.roleName', roles.roleName, PATTERNS.roleName),
        ),
        optional(roles.routeTableTag, () =>
          object(
            'awsRoles.routeTableTag',
            roles.routeTableTag,
            'give { key, value }, or leave it out for internal-api.platform/routes=managed',
            tag => [
              text('awsRoles.routeTableTag.key', tag.key, PATTERNS.tagKey),
              text(
                'awsRoles.routeTableTag.value',
                tag.value,
                PATTERNS.tagValue,
              ),
            ],
          ),
        ),
        optional(roles.cdkQualifier, () =>
          text(
            'awsRoles.cdkQualifier',
            roles.cdkQualifier,
            PATTERNS.cdkQualifier,
          ),
        ),
        optional(roles.github, () => githubProblems(roles.github)),
      ],
    ),
    ...internalApiProblems(internalApi),
  ];
  if (problems.length === 0) {
    problems.push(...repeatedEntries(internalApi as InternalApiLandscape));
  }
  if (problems.length > 0) {
    throw new AwsRolesConfigError(problems);
  }
  return {
    ...(awsRoles as object),
    internalApi,
  } as AwsRolesConfig;
}
