import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiDomain } from './api-domain';
import { ApiService } from './api-service';
import { healthyAfter, InternalLoadBalancer } from './internal-load-balancer';
import { missingEndpoints, PrivateEndpoints } from './private-endpoints';
import type { ServiceConfig } from './service-config';

export interface InternalApiStackProps extends StackProps {
  config: ServiceConfig;
}

/** A private API: Fargate behind an internal NLB, under its own delegated subdomain. */
export class InternalApiStack extends Stack {
  constructor(scope: Construct, id: string, props: InternalApiStackProps) {
    super(scope, id, props);
    const { name, network, dns, container, consumers } = props.config;

    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: network.vpcId,
      vpcCidrBlock: network.vpcCidr,
      availabilityZones: network.subnets.map(s => s.availabilityZone),
      privateSubnetIds: network.subnets.map(s => s.subnetId),
      privateSubnetRouteTableIds: network.subnets.map(s => s.routeTableId),
      privateSubnetIpv4CidrBlocks: network.subnets.map(s => s.cidr),
    });
    const subnets = vpc.privateSubnets;

    // Only what the VPC lacks, and nothing when the subnets route out: a second interface endpoint
    // with private DNS for a service fails the deploy. Shared and retained (see PrivateEndpoints).
    const endpoints = missingEndpoints(network);
    const privateEndpoints =
      endpoints.length > 0
        ? new PrivateEndpoints(this, 'Endpoints', { vpc, subnets, vpcCidr: network.vpcCidr, services: endpoints, apiName: name })
        : undefined;
    const domain = new ApiDomain(this, 'Domain', dns);
    const loadBalancer = new InternalLoadBalancer(this, 'LoadBalancer', {
      vpc,
      subnets,
      certificate: domain.certificate,
      allowedCidrs: [
        { cidr: network.vpcCidr, description: 'TLS from the API VPC' },
        // Fargate targets do not see client IPs, so consumers are allowed at the NLB, not at the tasks.
        ...consumers.map(c => ({ cidr: c.cidr, description: `TLS from consumer ${c.name}` })),
      ],
      containerPort: container.port,
      healthCheckPath: container.healthCheckPath,
    });
    const api = new ApiService(this, 'Api', {
      apiName: name,
      vpc,
      subnets,
      image: container.image,
      imageKmsKeyArn: container.imageKmsKeyArn,
      containerPort: container.port,
      cpu: container.cpu,
      memoryMiB: container.memoryMiB,
      desiredCount: container.desiredCount,
      targetGroup: loadBalancer.targetGroup,
      loadBalancerSecurityGroup: loadBalancer.securityGroup,
      targetHealthyAfter: healthyAfter,
    });
    // The first tasks pull as soon as the service exists: not before the endpoints they pull through.
    if (privateEndpoints) {
      api.service.node.addDependency(privateEndpoints);
    }
    domain.pointAt(loadBalancer.loadBalancer);

    // The access log bucket is where logs go; logging its own access would only log the log writer.
    Validations.of(loadBalancer.accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This bucket receives the load balancer access logs; its own server access logs add nothing.',
    });

    new CfnOutput(this, 'ApiUrl', { value: `https://${dns.domainName}` });
    new CfnOutput(this, 'LoadBalancerDnsName', { value: loadBalancer.loadBalancer.loadBalancerDnsName });
    new CfnOutput(this, 'TaskExecutionRoleArn', { value: api.executionRole.roleArn });
    new CfnOutput(this, 'SharedVpcEndpoints', {
      description: 'Endpoints this stack created for the whole VPC; retained when the stack is deleted',
      value: endpoints.join(' ') || 'none',
    });
  }
}
