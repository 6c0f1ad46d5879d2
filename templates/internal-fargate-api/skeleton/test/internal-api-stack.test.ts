import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { executionRoleName } from '../lib/api-service';
import { InternalApiStack } from '../lib/internal-api-stack';
import { CREATED_BY_TAG, missingEndpoints, SHARED_ENDPOINT_TAG } from '../lib/private-endpoints';
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

  describe('VPC endpoints', () => {
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint'));
    const groups = template.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: 'HTTPS from the VPC to the ECR and CloudWatch Logs endpoints' },
    });

    it('creates exactly those the VPC lacked, and none when the subnets route out', () => {
      const created = endpoints.map(e => {
        const service = JSON.stringify(e.Properties.ServiceName).match(/\.(ecr\.api|ecr\.dkr|logs|s3)"/)?.[1];
        return `${e.Properties.VpcEndpointType ?? 'Gateway'}:${service}`;
      });
      const expected = missingEndpoints(config.network).map(s => `${s === 's3' ? 'Gateway' : 'Interface'}:${s}`);
      expect(created.sort()).toEqual(expected.sort());
      expect(Object.keys(groups)).toHaveLength(expected.some(e => e.startsWith('Interface')) ? 1 : 0);
    });

    it('keeps them and their security group when the stack is deleted: other APIs in the VPC pull through them', () => {
      for (const resource of [...endpoints, ...Object.values(groups)]) {
        expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
      // A rule of its own would be deleted with the stack and cut the others off: only inline rules.
      const rules = [
        ...Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')),
        ...Object.values(template.findResources('AWS::EC2::SecurityGroupEgress')),
      ];
      for (const rule of rules) {
        expect(Object.keys(groups)).not.toContain(rule.Properties.GroupId?.['Fn::GetAtt']?.[0]);
      }
    });

    it('tags them as shared, with the API that created them', () => {
      for (const resource of [...endpoints, ...Object.values(groups)]) {
        expect(resource.Properties.Tags).toEqual(
          expect.arrayContaining([
            { Key: SHARED_ENDPOINT_TAG, Value: 'true' },
            { Key: CREATED_BY_TAG, Value: config.name },
          ]),
        );
      }
    });

    it('exist before the service starts its first tasks', () => {
      const [service] = Object.values(template.findResources('AWS::ECS::Service'));
      const ids = Object.keys(template.findResources('AWS::EC2::VPCEndpoint'));
      expect(service.DependsOn ?? []).toEqual(expect.arrayContaining(ids));
    });

    it('uses private DNS on the interface endpoints, in the resolved subnets', () => {
      for (const endpoint of endpoints.filter(e => e.Properties.VpcEndpointType === 'Interface')) {
        expect(endpoint.Properties).toMatchObject({
          PrivateDnsEnabled: true,
          SubnetIds: config.network.subnets.map(s => s.subnetId),
        });
      }
    });
  });

  it('marks a new task healthy after 2-3 checks 10 s apart, within the service grace period', () => {
    const [targetGroup] = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'));
    const { HealthCheckIntervalSeconds, HealthyThresholdCount, HealthCheckTimeoutSeconds } = targetGroup.Properties;
    expect(HealthCheckIntervalSeconds).toBe(10);
    expect([2, 3]).toContain(HealthyThresholdCount);
    expect(HealthCheckTimeoutSeconds).toBeLessThan(HealthCheckIntervalSeconds);
    const [service] = Object.values(template.findResources('AWS::ECS::Service'));
    expect(service.Properties.HealthCheckGracePeriodSeconds).toBeGreaterThanOrEqual(
      HealthCheckIntervalSeconds * HealthyThresholdCount,
    );
  });

  it('keeps the access logs and the application logs when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('pulls with an execution role of a fixed name, allowed to read the image repository only', () => {
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: executionRoleName(config.name) });
    const ecrImage = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)/.exec(config.container.image);
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      p => p.Properties.PolicyDocument.Statement,
    );
    const pull = statements.find(s => [s.Action].flat().includes('ecr:BatchGetImage'));
    if (ecrImage) {
      const [, account, region, repository] = ecrImage;
      expect(pull).toMatchObject({
        Action: expect.arrayContaining(['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage']),
        Resource: `arn:aws:ecr:${region}:${account}:repository/${repository}`,
      });
    } else {
      expect(pull).toBeUndefined();
    }
    const decrypt = statements.find(s => s.Action === 'kms:Decrypt');
    expect(decrypt?.Resource).toBe(config.container.imageKmsKeyArn);
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

  it('gives every role it creates the permissions boundary of the platform, which the deploy may not leave off', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect(JSON.stringify(role.Properties.PermissionsBoundary)).toContain(':policy/internal-api-deploy-boundary');
    }
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
