/**
 * The field report's stack as written there (traps included), made to
 * synthesize offline with the same network facts as bench/fixtures/service.json.
 * It is the baseline for the synth-time ratio; never deploy it.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as fs from 'node:fs';
import * as path from 'node:path';

const config = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'service.json'), 'utf8'),
);
const app = new App();
const stack = new Stack(app, 'seed-pattern', {
  env: { account: config.accountId, region: config.region },
});

const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: config.network.vpcId,
  availabilityZones: config.network.subnets.map(
    (s: { availabilityZone: string }) => s.availabilityZone,
  ),
  privateSubnetIds: config.network.subnets.map(
    (s: { subnetId: string }) => s.subnetId,
  ),
});
const hostedZone = new route53.PublicHostedZone(stack, 'ConfigHostedZone', {
  zoneName: config.dns.domainName,
});
const nlb = new elbv2.NetworkLoadBalancer(stack, 'NetworkFargateServiceLB', {
  vpc,
  internetFacing: false,
  crossZoneEnabled: true,
  vpcSubnets: { subnets: vpc.privateSubnets },
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'orders');
const service = new patterns.NetworkLoadBalancedFargateService(
  stack,
  'NetworkFargateService',
  {
    cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
    cpu: 512,
    desiredCount: 2,
    memoryLimitMiB: 1024,
    taskImageOptions: {
      image: ecs.ContainerImage.fromEcrRepository(repository, '1.4.2'),
    },
    publicLoadBalancer: false,
    loadBalancer: nlb,
    taskSubnets: { subnets: vpc.privateSubnets },
    domainName: config.dns.domainName,
    domainZone: hostedZone,
    recordType: patterns.NetworkLoadBalancedServiceRecordType.ALIAS,
  },
);
service.service.connections.allowFromAnyIpv4(
  ec2.Port.tcp(80),
  'Allowing HTTP connections through',
);
const tlsCert = new acm.Certificate(stack, 'APIDomainCert', {
  domainName: config.dns.domainName,
  validation: acm.CertificateValidation.fromDns(hostedZone),
});
nlb
  .addListener('HTTPS-Listener-NLB', {
    port: 443,
    protocol: elbv2.Protocol.TLS,
    certificates: [tlsCert],
  })
  .addTargets('Fargate-Service-Target', {
    port: 80,
    protocol: elbv2.Protocol.TCP,
    targets: [service.service],
  });
