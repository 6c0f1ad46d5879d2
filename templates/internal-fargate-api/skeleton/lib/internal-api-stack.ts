import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiDomain } from './api-domain';
import { ApiService } from './api-service';
import { InternalLoadBalancer } from './internal-load-balancer';
import { PrivateEndpoints } from './private-endpoints';
import type { ServiceConfig } from './service-config';

export interface InternalApiStackProps extends StackProps {
  config: ServiceConfig;
}

/** A private API: Fargate behind an internal NLB, under its own delegated subdomain. */
export class InternalApiStack extends Stack {
  constructor(scope: Construct, id: string, props: InternalApiStackProps) {
    super(scope, id, props);
    const { network, dns, container, consumers } = props.config;

    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: network.vpcId,
      vpcCidrBlock: network.vpcCidr,
      availabilityZones: network.subnets.map(s => s.availabilityZone),
      privateSubnetIds: network.subnets.map(s => s.subnetId),
      privateSubnetRouteTableIds: network.subnets.map(s => s.routeTableId),
      privateSubnetIpv4CidrBlocks: network.subnets.map(s => s.cidr),
    });
    const subnets = vpc.privateSubnets;

    if (network.createVpcEndpoints) {
      new PrivateEndpoints(this, 'Endpoints', { vpc, subnets, vpcCidr: network.vpcCidr });
    }
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
    new ApiService(this, 'Api', {
      vpc,
      subnets,
      image: container.image,
      containerPort: container.port,
      cpu: container.cpu,
      memoryMiB: container.memoryMiB,
      desiredCount: container.desiredCount,
      targetGroup: loadBalancer.targetGroup,
      loadBalancerSecurityGroup: loadBalancer.securityGroup,
    });
    domain.pointAt(loadBalancer.loadBalancer);

    // The access log bucket is where logs go; logging its own access would only log the log writer.
    Validations.of(loadBalancer.accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This bucket receives the load balancer access logs; its own server access logs add nothing.',
    });

    new CfnOutput(this, 'ApiUrl', { value: `https://${dns.domainName}` });
    new CfnOutput(this, 'LoadBalancerDnsName', { value: loadBalancer.loadBalancer.loadBalancerDnsName });
  }
}
