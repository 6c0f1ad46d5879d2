import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiServiceProps {
  /** The API's name: the task execution role is named after it (an image's repository policy in another account names it). */
  apiName: string;
  vpc: ec2.IVpc;
  subnets: ec2.ISubnet[];
  image: string;
  /** The image repository's customer managed KMS key, if any: the execution role may decrypt with it. */
  imageKmsKeyArn?: string;
  containerPort: number;
  cpu: number;
  memoryMiB: number;
  desiredCount: number;
  targetGroup: elbv2.NetworkTargetGroup;
  /** The NLB's security group: the only source the tasks accept traffic from. */
  loadBalancerSecurityGroup: ec2.ISecurityGroup;
  /** How long a task that answers at once takes to pass the target group's health checks. */
  targetHealthyAfter: Duration;
}

/** Time a task gets to start its application before the load balancer's checks count. */
const STARTUP_ALLOWANCE = Duration.seconds(40);

/** The task execution role's name: fixed, so a repository policy in the image's account can name it. */
export const executionRoleName = (apiName: string) => `${apiName}-task-execution`;

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/**
 * Any registry works; an ECR image gets pull rights through the repository instead of a public pull.
 * fromEcrRepository grants the execution role ecr:BatchCheckLayerAvailability, GetDownloadUrlForLayer
 * and BatchGetImage on the repository (and GetAuthorizationToken): enough in this account; a
 * repository in another account must also allow the role in its own policy (README).
 */
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
  readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: ApiServiceProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    this.executionRole = new iam.Role(this, 'ExecutionRole', {
      roleName: executionRoleName(props.apiName),
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: `Pulls ${props.apiName}'s image and writes its logs`,
    });
    if (props.imageKmsKeyArn) {
      this.executionRole.addToPolicy(
        new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [props.imageKmsKeyArn] }),
      );
    }
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      executionRole: this.executionRole,
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const container = taskDefinition.addContainer('Api', {
      image: containerImage(this, props.image),
      portMappings: [{ containerPort: props.containerPort }],
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'api',
        logGroup: new logs.LogGroup(this, 'Logs', {
          retention: logs.RetentionDays.ONE_MONTH,
          // Kept when the stack is deleted, for the incident after the teardown; its events expire.
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      }),
    });

    if (ECR_IMAGE.test(props.image)) {
      Validations.of(this.executionRole).acknowledge({
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
      // Covers the application's start plus the target group's healthy threshold x interval.
      healthCheckGracePeriod: STARTUP_ALLOWANCE.plus(props.targetHealthyAfter),
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
