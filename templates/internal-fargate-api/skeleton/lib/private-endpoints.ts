import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface PrivateEndpointsProps {
  vpc: ec2.IVpc;
  /** The API's subnets; interface endpoints get a network interface in each. */
  subnets: ec2.ISubnet[];
  vpcCidr: string;
}

/**
 * Trap 1: Fargate platform 1.4 in private subnets without a NAT route cannot
 * pull images or ship logs. ECR needs its API and Docker endpoints plus the S3
 * gateway (image layers live in S3); the awslogs driver needs CloudWatch Logs.
 */
export class PrivateEndpoints extends Construct {
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: PrivateEndpointsProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'HTTPS from the VPC to the ECR and CloudWatch Logs endpoints',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');

    const services = {
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
    };
    for (const [name, service] of Object.entries(services)) {
      new ec2.InterfaceVpcEndpoint(this, name, {
        vpc: props.vpc,
        service,
        subnets: { subnets: props.subnets },
        securityGroups: [this.securityGroup],
        privateDnsEnabled: true,
        open: false,
      });
    }
    new ec2.GatewayVpcEndpoint(this, 'S3', {
      vpc: props.vpc,
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [{ subnets: props.subnets }],
    });
  }
}
