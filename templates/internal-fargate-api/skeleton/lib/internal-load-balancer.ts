import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * A new task is in service after 2 checks 10 s apart (20 s), not the NLB
 * defaults' 5 checks (75 s at the former 15 s interval) that a rollout waited
 * per target. Two failures take a task out. ApiService's grace period covers
 * healthyAfter.
 */
export const TARGET_HEALTH_CHECK = {
  interval: Duration.seconds(10),
  timeout: Duration.seconds(5),
  healthyThresholdCount: 2,
  unhealthyThresholdCount: 2,
};

/** How long a task that answers at once takes to become healthy in the target group. */
export const healthyAfter = Duration.seconds(
  TARGET_HEALTH_CHECK.interval.toSeconds() * TARGET_HEALTH_CHECK.healthyThresholdCount,
);

export interface InternalLoadBalancerProps {
  vpc: ec2.IVpc;
  /** Exactly one subnet per Availability Zone. */
  subnets: ec2.ISubnet[];
  certificate: acm.ICertificate;
  /** CIDRs allowed to reach port 443: the VPC's own and each consumer's. */
  allowedCidrs: { cidr: string; description: string }[];
  containerPort: number;
  healthCheckPath: string;
}

/**
 * The private Network Load Balancer: TLS on 443 only, ending here, and plain
 * TCP to the tasks. Built directly rather than through
 * NetworkLoadBalancedFargateService, which brings traps 2 to 4 with it.
 */
export class InternalLoadBalancer extends Construct {
  readonly loadBalancer: elbv2.NetworkLoadBalancer;
  readonly securityGroup: ec2.SecurityGroup;
  readonly targetGroup: elbv2.NetworkTargetGroup;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: InternalLoadBalancerProps) {
    super(scope, id);
    // Trap 2 needs an NLB security group to reference; denying all egress lets allowFrom add only the task port.
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'TLS from the VPC and the consumer networks',
      allowAllOutbound: false,
    });
    for (const { cidr, description } of props.allowedCidrs) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), description);
    }

    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'Resource', {
      vpc: props.vpc,
      internetFacing: false,
      // Trap 3: an NLB takes one subnet per zone; these are the resolved ones, never "all private subnets".
      vpcSubnets: { subnets: props.subnets },
      crossZoneEnabled: true,
      // Consumers depend on it: a teardown starts with a reviewed change that turns this off (README).
      deletionProtection: true,
      securityGroups: [this.securityGroup],
    });

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // NLB access logs support only S3-managed encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Kept when the stack is deleted: the access record outlives the API (objects expire after 90 days).
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    this.loadBalancer.logAccessLogs(this.accessLogs);

    this.targetGroup = new elbv2.NetworkTargetGroup(this, 'Tasks', {
      vpc: props.vpc,
      // Trap 4: TLS ends at the listener; TCP to the container port, so nothing re-encrypts and the port is the app's.
      protocol: elbv2.Protocol.TCP,
      port: props.containerPort,
      targetType: elbv2.TargetType.IP,
      healthCheck: { protocol: elbv2.Protocol.HTTP, path: props.healthCheckPath, ...TARGET_HEALTH_CHECK },
      deregistrationDelay: Duration.seconds(30),
    });

    // Trap 4: the only listener. No port 80 exists to forget about.
    this.loadBalancer.addListener('Tls', {
      port: 443,
      protocol: elbv2.Protocol.TLS,
      certificates: [props.certificate],
      sslPolicy: elbv2.SslPolicy.TLS13_RES,
      defaultTargetGroups: [this.targetGroup],
    });
  }
}
