/**
 * Formats the inputs share, each with the message a template author or a
 * person filling in the form sees when a value does not match.
 */
export type InputPattern = readonly [RegExp, string];

export const ACCOUNT_ID: InputPattern = [
  /^\d{12}$/,
  'must be a 12-digit AWS account id',
];

export const VPC_ID: InputPattern = [
  /^vpc-[0-9a-f]+$/,
  'must look like vpc-0123abcd',
];

export const ROUTE_TABLE_ID: InputPattern = [
  /^rtb-[0-9a-f]+$/,
  'must look like rtb-0123abcd',
];

/**
 * An internal API's name: its Component's name in the catalog (Backstage's
 * rule: letters and digits, with single `-`, `_` or `.` between them). It
 * holds no `/`, so it reads back unambiguously from a zone's caller reference.
 */
export const API_NAME: InputPattern = [
  /^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/,
  "must be the API's catalog name: letters and digits with single - _ . between them, e.g. orders-api",
];

/** The catalog's limit on an entity name. */
export const API_NAME_MAX_LENGTH = 63;

/** One label of a host name: a-z, 0-9 and inner hyphens, 1-63 characters. */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Route 53 and DNS: a name is at most 253 characters. */
export const DOMAIN_NAME_MAX_LENGTH = 253;

/**
 * An internal API's domain name at most: ACM refuses a certificate whose
 * first domain name is longer than 64 characters, and the API serves TLS.
 */
export const CERTIFICATE_DOMAIN_MAX_LENGTH = 64;

/** A domain name for `internal-api:dns:delegate`: at least `a.b`. */
export const DOMAIN_NAME_MIN_LENGTH = 3;

/**
 * DescribeSubnets filter names a template may use, besides `tag:<key>`.
 * `vpc-id` is not among them: the search is always scoped to the placement VPC.
 */
export const SUBNET_FILTER_NAMES: readonly string[] = [
  'availability-zone',
  'availability-zone-id',
  'available-ip-address-count',
  'cidr-block',
  'default-for-az',
  'ipv6-cidr-block-association.ipv6-cidr-block',
  'ipv6-native',
  'map-public-ip-on-launch',
  'outpost-arn',
  'owner-id',
  'state',
  'subnet-arn',
  'subnet-id',
  'tag-key',
];
