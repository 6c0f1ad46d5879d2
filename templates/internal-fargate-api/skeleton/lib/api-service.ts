import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiServiceProps {
  vpc: ec2.IVpc;
  subnets: ec2.ISubnet[];
  image: string;
  containerPort: number;
  cpu: number;
  memoryMiB: number;
  desiredCount: number;
  targetGroup: elbv2.NetworkTargetGroup;
  /** The NLB's security group: the only source the tasks accept traffic from. */
  loadBalancerSecurityGroup: ec2.ISecurityGroup;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** Any registry works; an ECR image gets pull rights through the repository instead of a public pull. */
export function containerImage(scope: Construct, image: string): ecs.ContainerImage {
  const ecrImage = ECR_IMAGE.exec(image);
  if (!ecrImage) {
    return ecs.ContainerImage.fromRegistry(image);
  }
  const [, account, region, repositoryName, tag, digest] = ecrImage;
  const repository = ecr.Repository.fromRepositoryAttributes(scope, 'Repository', {
    repositoryName,
    repositoryArn: `arn:aws:ecr:${region}:${account}:repository/${repositoryName}`,
  });
  return ecs.ContainerImage.fromEcrRepository(repository, digest ?? tag ?? 'latest');
}

/** The Fargate service, in the resolved subnets, reachable only through the load balancer. */
export class ApiService extends Construct {
  readonly service: ecs.FargateService;
  readonly cluster: ecs.Cluster;

  constructor(scope: Construct, id: string, props: ApiServiceProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const container = taskDefinition.addContainer('Api', {
      image: containerImage(this, props.image),
      portMappings: [{ containerPort: props.containerPort }],
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'api',
        logGroup: new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH }),
      }),
    });

    if (ECR_IMAGE.test(props.image)) {
      Validations.of(taskDefinition.obtainExecutionRole()).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: 'ecr:GetAuthorizationToken takes no resource; the pull itself is limited to the image repository.',
      });
    }

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition,
      desiredCount: props.desiredCount,
      vpcSubnets: { subnets: props.subnets },
      assignPublicIp: false,
      // Platform 1.4 pulls through the VPC endpoints (trap 1).
      platformVersion: ecs.FargatePlatformVersion.LATEST,
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
    });
    props.targetGroup.addTarget(
      this.service.loadBalancerTarget({ containerName: container.containerName, containerPort: props.containerPort }),
    );
    // Trap 2: the pattern leaves the task security group closed to the NLB, so health checks fail and tasks
    // restart. This opens the container port to the NLB's security group only (and the NLB's egress to it).
    this.service.connections.allowFrom(
      props.loadBalancerSecurityGroup,
      ec2.Port.tcp(props.containerPort),
      'From the internal NLB only',
    );
  }
}
