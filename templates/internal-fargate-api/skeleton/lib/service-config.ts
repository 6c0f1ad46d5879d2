import * as fs from 'node:fs';
import * as path from 'node:path';
import { boolean, integer, list, object, oneOf, optional, Rule, text } from './config-schema';

/**
 * The VPC endpoints Fargate tasks need in subnets without a default route
 * (trap 1): ECR's API and Docker registry, S3 (where image layers are) and
 * CloudWatch Logs (the awslogs driver).
 */
export const TASK_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'logs', 's3'] as const;
export type TaskEndpoint = (typeof TASK_ENDPOINTS)[number];

/** One subnet per Availability Zone, as internal-api:placement:resolve found them. */
export interface PlacedSubnet {
  subnetId: string;
  availabilityZone: string;
  cidr: string;
  routeTableId: string;
}

/**
 * Everything the stack needs, resolved when the repository was created and
 * kept as data (config/service.json): synth needs no AWS credentials and no
 * lookups. loadServiceConfig checks every field before the stack sees it.
 */
export interface ServiceConfig {
  name: string;
  description: string;
  accountId: string;
  region: string;
  network: {
    vpcId: string;
    vpcCidr: string;
    subnets: PlacedSubnet[];
    /**
     * The task endpoints the VPC already had when the repository was created
     * (the placement facts). The stack never creates these: a second
     * interface endpoint with private DNS for a service is refused by AWS.
     */
    existingVpcEndpoints: TaskEndpoint[];
    /**
     * Whether every subnet's route table had a default route out (NAT
     * gateway, or central egress through the transit gateway) when the
     * repository was created: then the tasks need no endpoints.
     */
    egressRoute: boolean;
  };
  dns: {
    /** The API's name, also the apex of its own hosted zone. */
    domainName: string;
    hostedZoneId: string;
  };
  container: {
    image: string;
    port: number;
    cpu: number;
    memoryMiB: number;
    desiredCount: number;
    healthCheckPath: string;
    /**
     * The customer managed KMS key of the image's ECR repository, if it has
     * one: the task execution role is allowed kms:Decrypt on it (see README).
     */
    imageKmsKeyArn?: string;
  };
  /** Networks allowed to call the API through the transit gateway. */
  consumers: { name: string; cidr: string }[];
}

/** Fargate's CPU units and the memory (MiB) each allows: the form offers the same pairs. */
export const FARGATE_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096),
  1024: steps(2048, 8192),
  2048: steps(4096, 16384),
  4096: steps(8192, 30720),
};

function steps(from: number, to: number): number[] {
  return Array.from({ length: (to - from) / 1024 + 1 }, (_, i) => from + i * 1024);
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const cidr = text(new RegExp(`^(${octet}\\.){3}${octet}/(3[0-2]|[12]?\\d)$`), 'an IPv4 CIDR such as 10.10.0.0/16', 18);
const awsId = (prefix: string) =>
  text(new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`), `an id such as ${prefix}-0123456789abcdef0`, 30);

const schema: Rule = object({
  name: text(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/, 'lower-case letters, digits and hyphens, 3 to 40, starting with a letter', 40),
  description: text(/^[^\r\n]{3,200}$/, 'one line of 3 to 200 characters', 200),
  accountId: text(/^\d{12}$/, 'a 12-digit AWS account id', 12),
  region: text(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region such as eu-west-1', 32),
  network: object({
    vpcId: awsId('vpc'),
    vpcCidr: cidr,
    subnets: list(
      object({
        subnetId: awsId('subnet'),
        availabilityZone: text(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'an Availability Zone such as eu-west-1a', 32),
        cidr,
        routeTableId: awsId('rtb'),
      }),
      { minItems: 2, maxItems: 6, unique: true },
    ),
    existingVpcEndpoints: list(oneOf(TASK_ENDPOINTS), { maxItems: TASK_ENDPOINTS.length, unique: true }),
    egressRoute: boolean,
  }),
  dns: object({
    domainName: text(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lower-case host name', 64),
    hostedZoneId: text(/^[0-9A-Z]{1,32}$/, 'a Route 53 hosted zone id: upper-case letters and digits, such as Z0123456789ABCDEFGHIJ', 32),
  }),
  container: object({
    image: text(
      /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(@sha256:[a-f0-9]{64})?|@sha256:[a-f0-9]{64})$/,
      'an image reference with a tag or a digest',
      512,
    ),
    port: integer(1, 65535),
    cpu: oneOf(Object.keys(FARGATE_MEMORY).map(Number)),
    memoryMiB: integer(512, 30720),
    desiredCount: integer(1, 20),
    healthCheckPath: text(/^\/[A-Za-z0-9._~/-]*$/, 'a path starting with /', 200),
    imageKmsKeyArn: optional(
      text(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, 'a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)', 2048),
    ),
  }),
  consumers: list(
    object({
      name: text(/^[a-z0-9][a-z0-9-]*$/, 'a consumer name: lower-case letters, digits and hyphens', 63),
      cidr,
    }),
    { maxItems: 50, unique: true },
  ),
});

/** What the schema cannot say field by field: pairs of fields that must agree. */
function crossFieldProblems(config: ServiceConfig): string[] {
  const problems: string[] = [];
  const { cpu, memoryMiB } = config.container;
  const memory = FARGATE_MEMORY[cpu];
  if (memory && !memory.includes(memoryMiB)) {
    problems.push(`container.memoryMiB is ${memoryMiB}; allowed with container.cpu ${cpu}: one of ${memory.join(', ')}`);
  }
  const zones = config.network.subnets.map(subnet => subnet.availabilityZone);
  zones.forEach((zone, i) => {
    if (zones.indexOf(zone) !== i) {
      problems.push(
        `network.subnets[${i}].availabilityZone is "${zone}"; allowed: exactly one subnet per Availability Zone (a Network Load Balancer takes one)`,
      );
    }
    if (!zone.startsWith(config.region)) {
      problems.push(`network.subnets[${i}].availabilityZone is "${zone}"; allowed: a zone of region ${config.region}`);
    }
  });
  return problems;
}

/** Every problem with the config, each naming the field, its value and what is allowed; empty when it is valid. */
export function serviceConfigProblems(value: unknown): string[] {
  const problems: string[] = [];
  schema(value, '', problems);
  return problems.length > 0 ? problems : crossFieldProblems(value as ServiceConfig);
}

export function loadServiceConfig(file = path.join(__dirname, '..', 'config', 'service.json')): ServiceConfig {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not readable JSON: ${(error as Error).message}`);
  }
  const problems = serviceConfigProblems(value);
  if (problems.length > 0) {
    throw new Error(`${file} does not describe a deployable service:\n  - ${problems.join('\n  - ')}`);
  }
  return value as ServiceConfig;
}
