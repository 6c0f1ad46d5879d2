/**
 * The annotations an internal API's Component carries: the contract between
 * the template that writes them (skeleton/catalog-info.yaml), the day-2
 * actions that read them to count who still needs a route, and the entity
 * page. The catalog is the inventory of internal APIs; these are its columns.
 */
export const INTERNAL_API_ANNOTATIONS = {
  /** The workload account the API runs in (the AWS plugins' own annotation). */
  accountId: 'aws.amazon.com/account-id',
  region: 'aws.amazon.com/region',
  /** The API's domain name; the delegate action refuses it to any other API. */
  domain: 'internal-api.platform/domain',
  /** The VPC the API's load balancer is in: APIs in one VPC share their routes. */
  vpcId: 'internal-api.platform/vpc-id',
  /** The API's own zone in the workload account. */
  hostedZoneId: 'internal-api.platform/hosted-zone-id',
  /** The consumer networks routed to the API, comma-separated (see consumersAnnotation). */
  consumers: 'internal-api.platform/consumers',
  /** The API's repository as owner/name (Backstage's GitHub annotation): day 2's pull requests go there. */
  repository: 'github.com/project-slug',
  /**
   * The Route 53 change id of the parent's NS record (`C…`), when the task
   * wrote it: the status card asks Route 53 whether it is in sync yet.
   */
  delegationChange: 'internal-api.platform/delegation-change',
  /** Who asked for the API (the task's user). */
  createdBy: 'internal-api.platform/created-by',
} as const;

/**
 * The AWS tag a platform team puts on the route tables Backstage may add
 * routes to and remove them from: the role it assumes (aws-roles) may write
 * only in tables of the configured VPCs that carry it. Tables a route to an
 * API must never go into (an edge table, another team's) stay untagged.
 */
export const MANAGED_ROUTE_TABLE_TAG = {
  key: 'internal-api.platform/routes',
  value: 'managed',
} as const;

/**
 * A Route 53 change id as the delegation-change annotation holds it (`C` and
 * upper-case letters and digits), `/change/` prefix allowed; undefined for
 * anything else, which is never sent to AWS.
 */
export function parseChangeIdAnnotation(
  value: string | undefined,
): string | undefined {
  const match = /^(?:\/change\/)?(C[A-Z0-9]{1,32})$/.exec(value?.trim() ?? '');
  return match?.[1];
}

/** The consumers annotation's value: names sorted and comma-separated, so equal sets read equal. */
export function consumersAnnotation(names: readonly string[]): string {
  return [...new Set(names)].sort().join(',');
}

/** The consumer names an annotation value lists; blanks and spaces around names are ignored. */
export function parseConsumersAnnotation(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(name => name !== '');
}
