/**
 * The field checks of the roles config: each returns its problems, every one
 * naming the field, the value it got and what to put there instead.
 */

/** What a field must look like, and how to say so. */
export interface FieldPattern {
  regex: RegExp;
  /** e.g. 'a 12-digit AWS account id' */
  what: string;
  /** e.g. 'e.g. 111122223333' */
  fix: string;
}

const pattern = (regex: RegExp, what: string, fix: string): FieldPattern => ({
  regex,
  what,
  fix,
});

export const PATTERNS = {
  accountId: pattern(
    /^\d{12}$/,
    'a 12-digit AWS account id',
    'e.g. 111122223333',
  ),
  region: pattern(
    /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/,
    'an AWS region',
    'e.g. eu-west-1',
  ),
  // EC2 ids are 8 (old) or 17 hex digits after the prefix.
  vpcId: pattern(
    /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/,
    'a VPC id',
    'copy it from the VPC console, e.g. vpc-0123456789abcdef0',
  ),
  tgwId: pattern(
    /^tgw-([0-9a-f]{8}|[0-9a-f]{17})$/,
    'a transit gateway id',
    'e.g. tgw-0123456789abcdef0',
  ),
  tgwRouteTableId: pattern(
    /^tgw-rtb-([0-9a-f]{8}|[0-9a-f]{17})$/,
    'a transit gateway route table id',
    'e.g. tgw-rtb-0123456789abcdef0, or leave it out when the provider needs no static route',
  ),
  consumerName: pattern(
    /^[a-z0-9][a-z0-9-]*$/,
    'a consumer name (lower-case letters, digits, dashes)',
    'use the name Backstage config gives it, e.g. customer-api',
  ),
  // Route 53's normalized record names: lower case, no trailing dot; the IAM condition compares them as written.
  domain: pattern(
    /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
    'a lower-case domain name without a trailing dot',
    'e.g. acme.com (Route 53 compares record names in lower case, without the final dot)',
  ),
  hostedZoneId: pattern(
    /^[A-Z0-9]{1,32}$/,
    'a Route 53 hosted zone id',
    'give the id without /hostedzone/, e.g. Z0123456789ABCDEFGHIJ',
  ),
  principalArn: pattern(
    /^arn:aws(-[a-z]+)*:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/,
    "the ARN of Backstage's IAM role (or user, or account root)",
    "e.g. arn:aws:iam::123456789012:role/backstage-backend (the backend's task role)",
  ),
  // STS: 2-1224 characters of [\w+=,.@:/-].
  externalId: pattern(
    /^[\w+=,.@:/-]{2,1224}$/,
    'an STS external id (2-1224 characters of letters, digits and +=,.@:/-)',
    'use the value of aws.accountDefaults.externalId in Backstage config',
  ),
  roleName: pattern(
    /^[\w+=,.@-]{1,64}$/,
    'an IAM role name (1-64 characters of letters, digits and +=,.@_-)',
    'e.g. backstage-internal-api',
  ),
  tagKey: pattern(
    /^(?!aws:)[\w .:/=+@-]{1,128}$/,
    'an EC2 tag key (1-128 characters, not starting with aws:)',
    'e.g. internal-api.platform/routes',
  ),
  tagValue: pattern(
    /^[\w .:/=+@-]{0,256}$/,
    'an EC2 tag value (up to 256 characters)',
    'e.g. managed',
  ),
  cdkQualifier: pattern(
    /^[A-Za-z0-9_-]{1,10}$/,
    'a CDK bootstrap qualifier (1-10 letters, digits, _ or -)',
    'use the --qualifier given to cdk bootstrap; hnb659fds when none was',
  ),
  githubOwner: pattern(
    /^[A-Za-z0-9](-?[A-Za-z0-9])*$/,
    'a GitHub organisation or user name',
    'e.g. acme',
  ),
  githubRepository: pattern(
    /^[A-Za-z0-9._-]{1,100}$/,
    'a GitHub repository name without its owner',
    'give the name only, e.g. orders-api (the owner goes in github.owner)',
  ),
  githubEnvironment: pattern(
    /^[^'"`:*?]{1,255}$/,
    'a GitHub environment name',
    'use the environment of the deploy job, e.g. production',
  ),
  oidcProviderArn: pattern(
    /^arn:aws(-[a-z]+)*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/,
    "the ARN of the account's GitHub OIDC provider",
    'e.g. arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com, or leave it out for that default',
  ),
} as const;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problem with a required text field, if any. */
export function text(
  field: string,
  value: unknown,
  { regex, what, fix }: FieldPattern,
): string[] {
  if (value === undefined) {
    return [`${field}: missing; it must be ${what}, ${fix}.`];
  }
  if (typeof value !== 'string' || !regex.test(value)) {
    return [`${field}: ${JSON.stringify(value)} is not ${what}; ${fix}.`];
  }
  return [];
}

/** The problems of an optional field: none when it is absent. */
export const optional = (value: unknown, check: () => string[]): string[] =>
  value === undefined ? [] : check();

/** The problems of an object field, checked by `check` when it is one. */
export const object = (
  field: string,
  value: unknown,
  fix: string,
  check: (value: Record<string, unknown>) => string[][],
): string[] =>
  isObject(value)
    ? check(value).flat()
    : [
        `${field}: ${
          JSON.stringify(value) ?? 'missing'
        } is not an object; ${fix}.`,
      ];

/** The problems of a list field and of each of its items. */
export function list(
  field: string,
  value: unknown,
  each: (item: unknown, index: number) => string[][],
  options: { nonEmpty?: boolean; fix: string },
): string[] {
  if (!Array.isArray(value) || (options.nonEmpty && value.length === 0)) {
    return [
      `${field}: ${JSON.stringify(value) ?? 'missing'} is not ${
        options.nonEmpty ? 'a non-empty list' : 'a list'
      }; ${options.fix}.`,
    ];
  }
  return value.flatMap((item, index) => each(item, index).flat());
}

/** A problem for each value of `keyOf` that more than one item shares. */
export function duplicates<T>(
  field: string,
  items: T[],
  keyOf: (item: T) => string,
  fix: string,
): string[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return [];
    }
    return [`${field}[${index}]: ${key} repeats ${field}[${first}]; ${fix}.`];
  });
}
