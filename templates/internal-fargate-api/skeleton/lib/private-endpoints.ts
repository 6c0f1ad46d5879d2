import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { TASK_ENDPOINTS, type ServiceConfig, type TaskEndpoint } from './service-config';

/**
 * The task endpoints this stack must create: none when the subnets have a
 * default route out, else those the VPC did not have yet.
 */
export function missingEndpoints(network: Pick<ServiceConfig['network'], 'existingVpcEndpoints' | 'egressRoute'>): TaskEndpoint[] {
  return network.egressRoute ? [] : TASK_ENDPOINTS.filter(service => !network.existingVpcEndpoints.includes(service));
}

/** Tags on every shared endpoint: how the platform and later APIs find them, and who made them. */
export const SHARED_ENDPOINT_TAG = 'internal-api:shared-endpoint';
export const CREATED_BY_TAG = 'internal-api:created-by';

export interface PrivateEndpointsProps {
  vpc: ec2.IVpc;
  /** The API's subnets; interface endpoints get a network interface in each. */
  subnets: ec2.ISubnet[];
  vpcCidr: string;
  /** Which task endpoints to create (see missingEndpoints); at least one. */
  services: TaskEndpoint[];
  /** The API whose stack creates them, tagged on each. */
  apiName: string;
}

const INTERFACE_SERVICES = {
  'ecr.api': { id: 'EcrApi', service: ec2.InterfaceVpcEndpointAwsService.ECR },
  'ecr.dkr': { id: 'EcrDocker', service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER },
  logs: { id: 'Logs', service: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS },
} as const;

/**
 * Trap 1: Fargate platform 1.4 in private subnets without a NAT route cannot
 * pull images or ship logs. ECR needs its API and Docker endpoints plus the S3
 * gateway (image layers live in S3); the awslogs driver needs CloudWatch Logs.
 *
 * The endpoints serve the whole VPC, so they are shared: private DNS makes
 * every later API in the VPC use them (and AWS refuses a second interface
 * endpoint with private DNS for the same service). They and their security
 * group are therefore retained when this stack is deleted or stops creating
 * them, and tagged as shared: tearing this API down never breaks another
 * API's image pulls, later APIs see them in the placement facts and create
 * none, and the platform team can adopt them into its VPC baseline.
 */
export class PrivateEndpoints extends Construct {
  readonly securityGroup?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: PrivateEndpointsProps) {
    super(scope, id);
    const interfaces = props.services.flatMap(name => (name === 's3' ? [] : [INTERFACE_SERVICES[name]]));
    if (interfaces.length > 0) {
      // Only the CIDR rule, inline: no separate ingress resource that a teardown would delete.
      this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
        vpc: props.vpc,
        description: 'HTTPS from the VPC to the ECR and CloudWatch Logs endpoints',
        allowAllOutbound: false,
      });
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
      this.securityGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    for (const { id: endpointId, service } of interfaces) {
      const endpoint = new ec2.InterfaceVpcEndpoint(this, endpointId, {
        vpc: props.vpc,
        service,
        subnets: { subnets: props.subnets },
        securityGroups: [this.securityGroup!],
        privateDnsEnabled: true,
        open: false,
      });
      endpoint.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    if (props.services.includes('s3')) {
      new ec2.GatewayVpcEndpoint(this, 'S3', {
        vpc: props.vpc,
        service: ec2.GatewayVpcEndpointAwsService.S3,
        subnets: [{ subnets: props.subnets }],
      }).applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    Tags.of(this).add(SHARED_ENDPOINT_TAG, 'true');
    Tags.of(this).add(CREATED_BY_TAG, props.apiName);
  }
}
