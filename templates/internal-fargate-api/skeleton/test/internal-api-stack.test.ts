import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InternalApiStack } from '../lib/internal-api-stack';
import { loadServiceConfig } from '../lib/service-config';

// new App() does not read cdk.json: pass its feature flags so the test sees what `cdk synth` makes.
const { context } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'));
const config = loadServiceConfig();

function synthesize() {
  const app = new App({ context });
  const stack = new InternalApiStack(app, config.name, {
    env: { account: config.accountId, region: config.region },
    config,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return Template.fromStack(stack);
}

describe(`${config.name} stack`, () => {
  const template = synthesize();

  it('has one internal NLB in exactly the resolved subnets, one per zone, cross-zone on', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'network',
      Scheme: 'internal',
      Subnets: config.network.subnets.map(s => s.subnetId),
    });
    for (const key of ['load_balancing.cross_zone.enabled', 'deletion_protection.enabled', 'access_logs.s3.enabled']) {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        LoadBalancerAttributes: Match.arrayWith([{ Key: key, Value: 'true' }]),
      });
    }
  });

  it('listens on TLS 443 only, with a current policy, and forwards plain TCP to the container port', () => {
    const listeners = template.findResources('AWS::ElasticLoadBalancingV2::Listener');
    expect(Object.values(listeners).map(l => [l.Properties.Port, l.Properties.Protocol])).toEqual([[443, 'TLS']]);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      Certificates: [{ CertificateArn: Match.anyValue() }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Protocol: 'TCP',
      Port: config.container.port,
      TargetType: 'ip',
      HealthCheckPath: config.container.healthCheckPath,
    });
  });

  it('opens the tasks to the NLB security group only, on the container port', () => {
    const ingress = template.findResources('AWS::EC2::SecurityGroupIngress');
    const toTasks = Object.values(ingress).filter(r => r.Properties.FromPort === config.container.port);
    expect(toTasks).toHaveLength(1);
    expect(toTasks[0].Properties.SourceSecurityGroupId).toBeDefined();
    expect(toTasks[0].Properties.CidrIp).toBeUndefined();
  });

  it('lets only the VPC and the consumers reach the NLB', () => {
    const cidrs = [config.network.vpcCidr, ...config.consumers.map(c => c.cidr)];
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'TLS from the VPC and the consumer networks',
      SecurityGroupIngress: cidrs.map(cidr => Match.objectLike({ CidrIp: cidr, FromPort: 443, ToPort: 443 })),
    });
  });

  it('reaches ECR, S3 and CloudWatch Logs privately when endpoints are on', () => {
    const endpoints = template.findResources('AWS::EC2::VPCEndpoint');
    const count = config.network.createVpcEndpoints ? 4 : 0;
    expect(Object.keys(endpoints)).toHaveLength(count);
  });

  it('points the API name at the NLB and validates the certificate in the delegated zone', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: `${config.dns.domainName}.`,
      Type: 'A',
      HostedZoneId: config.dns.hostedZoneId,
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: config.dns.domainName,
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: config.dns.domainName, HostedZoneId: config.dns.hostedZoneId }],
    });
  });

  it('runs the configured size and count, rolls back failed deployments, and keeps capacity', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: String(config.container.cpu),
      Memory: String(config.container.memoryMiB),
    });
    template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: config.container.desiredCount,
      LaunchType: 'FARGATE',
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          AssignPublicIp: 'DISABLED',
          Subnets: config.network.subnets.map(s => s.subnetId),
        }),
      },
    });
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});
