import type { PlacementFacts } from '@internal/plugin-internal-api-common';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { allInOrder } from '../aws/allInOrder';
import {
  describeVpcDns,
  describeVpcEndpoints,
  SubnetDetails,
  VpcEndpointFacts,
} from '../aws/vpcs';

/** The endpoints an internal API's Fargate tasks need in private subnets (trap 1). */
const TASK_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'logs', 's3'];

/**
 * Why the VPC cannot take the stack's interface endpoints: private DNS for an
 * endpoint (how ECR and Logs resolve to it) needs both DNS attributes on.
 */
export function dnsProblems(
  vpcId: string,
  dns: { dnsSupport: boolean; dnsHostnames: boolean },
): string[] {
  const off = [
    dns.dnsSupport ? undefined : 'enableDnsSupport',
    dns.dnsHostnames ? undefined : 'enableDnsHostnames',
  ].filter(Boolean);
  return off.length === 0
    ? []
    : [
        `${vpcId} has ${off.join(
          ' and ',
        )} off; the API's VPC endpoints (ECR, Logs) resolve through private DNS, which needs ` +
          'both on. A platform engineer turns them on (ec2 modify-vpc-attribute), then run the task again.',
      ];
}

/**
 * Whether every subnet's route table sends 0.0.0.0/0 somewhere the API's
 * tasks can leave by. An internet gateway does not count: Fargate tasks in
 * these subnets get no public IP, so it cannot carry their traffic.
 */
export const allHaveEgress = (subnets: SubnetDetails[]) =>
  subnets.length > 0 &&
  subnets.every(
    subnet =>
      subnet.defaultRouteTarget &&
      !subnet.defaultRouteTarget.startsWith('igw-'),
  );

/**
 * The task endpoints the VPC already has for these subnets. An interface
 * endpoint serves the whole VPC (private DNS); the S3 gateway endpoint only
 * the route tables it is associated with, so it counts only when it is
 * associated with every subnet's table (else the tasks' image layers would
 * not reach S3, and the stack must create one for those tables).
 */
export function presentTaskEndpoints(
  endpoints: VpcEndpointFacts[],
  subnets: Pick<SubnetDetails, 'routeTableId'>[],
): string[] {
  return TASK_ENDPOINTS.filter(name =>
    endpoints.some(endpoint =>
      name === 's3'
        ? endpoint.service === 's3' &&
          endpoint.type === 'Gateway' &&
          subnets.every(subnet =>
            endpoint.routeTableIds.includes(subnet.routeTableId),
          )
        : endpoint.service === name && endpoint.type === 'Interface',
    ),
  );
}

/** What the generated stack needs to know about the VPC, as EC2 says it. */
export type VpcStackFacts = {
  endpoints: VpcEndpointFacts[];
  dns: { dnsSupport: boolean; dnsHostnames: boolean };
};

/**
 * Read-only: what the generated stack needs to know about the VPC (three
 * calls, at once: its endpoints and its two DNS attributes). Needs no other
 * read's answer, so the placement sends it with its own.
 */
export async function readVpcStackFacts(
  ec2: EC2Client,
  vpcId: string,
): Promise<VpcStackFacts> {
  const [endpoints, dns] = await allInOrder([
    describeVpcEndpoints(ec2, vpcId),
    describeVpcDns(ec2, vpcId),
  ]);
  return { endpoints, dns };
}

/** The endpoints the stack need not create for these subnets, and why the VPC cannot take the stack's. */
export function placementFacts(
  read: VpcStackFacts,
  vpcId: string,
  subnets: Pick<SubnetDetails, 'routeTableId'>[],
): { facts: PlacementFacts; problems: string[] } {
  return {
    facts: { vpcEndpoints: presentTaskEndpoints(read.endpoints, subnets) },
    problems: dnsProblems(vpcId, read.dns),
  };
}
