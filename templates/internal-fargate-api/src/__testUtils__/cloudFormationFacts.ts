/** Endpoint service name fragments, as they appear in the synthesized ServiceName. */
const ENDPOINT_SERVICES = ['ecr.dkr', 'ecr.api', 'logs', 's3'];

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, any>; DeletionPolicy?: string }
>;

const ofType = (resources: Resources, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

/** A ref to a resource's GroupId, as CloudFormation writes it. */
const groupRef = (value: any): string | undefined =>
  value?.['Fn::GetAtt']?.[0] ?? value?.Ref;

/**
 * The properties the template promises, read off a synthesized stack in one
 * comparable shape: what listens, where it forwards, who may connect to what.
 */
export function cloudFormationFacts({
  Resources: resources,
}: {
  Resources: Resources;
}) {
  const [[nlbId, nlb]] = ofType(
    resources,
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
  );
  const nlbGroup = groupRef(nlb.Properties.SecurityGroups[0])!;
  const ingress = [
    ...ofType(resources, 'AWS::EC2::SecurityGroup').flatMap(([id, group]) =>
      (group.Properties.SecurityGroupIngress ?? []).map((rule: any) => ({
        ...rule,
        GroupId: { Ref: id },
      })),
    ),
    ...ofType(resources, 'AWS::EC2::SecurityGroupIngress').map(
      ([, rule]) => rule.Properties,
    ),
  ];
  const [[, targetGroup]] = ofType(
    resources,
    'AWS::ElasticLoadBalancingV2::TargetGroup',
  );
  const [[, taskDefinition]] = ofType(resources, 'AWS::ECS::TaskDefinition');
  const [[, service]] = ofType(resources, 'AWS::ECS::Service');
  const [[, record]] = ofType(resources, 'AWS::Route53::RecordSet');
  const [[, certificate]] = ofType(
    resources,
    'AWS::CertificateManager::Certificate',
  );
  const executionRoleId = groupRef(taskDefinition.Properties.ExecutionRoleArn)!;
  const executionRoleStatements = ofType(resources, 'AWS::IAM::Policy')
    .filter(([, policy]) =>
      policy.Properties.Roles.some(
        (role: any) => groupRef(role) === executionRoleId,
      ),
    )
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
  const attribute = (key: string) =>
    nlb.Properties.LoadBalancerAttributes.find(
      (a: { Key: string }) => a.Key === key,
    )?.Value;

  return {
    loadBalancer: {
      scheme: nlb.Properties.Scheme,
      subnets: nlb.Properties.Subnets,
      crossZone: attribute('load_balancing.cross_zone.enabled'),
      deletionProtection: attribute('deletion_protection.enabled'),
      accessLogs: attribute('access_logs.s3.enabled'),
    },
    listeners: ofType(resources, 'AWS::ElasticLoadBalancingV2::Listener').map(
      ([, l]) => ({
        port: l.Properties.Port,
        protocol: l.Properties.Protocol,
        sslPolicy: l.Properties.SslPolicy,
        loadBalancer: groupRef(l.Properties.LoadBalancerArn),
      }),
    ),
    targetGroup: {
      protocol: targetGroup.Properties.Protocol,
      port: targetGroup.Properties.Port,
      healthCheck: `${targetGroup.Properties.HealthCheckProtocol} ${targetGroup.Properties.HealthCheckPath}`,
      /** Seconds between checks, and passes before a new task is in service. */
      healthCheckInterval: targetGroup.Properties.HealthCheckIntervalSeconds,
      healthyThreshold: targetGroup.Properties.HealthyThresholdCount,
    },
    /** CIDRs allowed into the NLB, by port. */
    loadBalancerIngress: ingress
      .filter(rule => groupRef(rule.GroupId) === nlbGroup)
      .map(
        rule =>
          `${rule.CidrIp ?? groupRef(rule.SourceSecurityGroupId)}:${
            rule.FromPort
          }-${rule.ToPort}`,
      )
      .sort(),
    /** Sources allowed into the tasks: only the NLB's group, on the container port. */
    taskIngress: ingress
      .filter(
        rule =>
          groupRef(rule.GroupId) ===
          groupRef(
            service.Properties.NetworkConfiguration.AwsvpcConfiguration
              .SecurityGroups[0],
          ),
      )
      .map(
        rule =>
          `${
            groupRef(rule.SourceSecurityGroupId) === nlbGroup
              ? 'nlb'
              : rule.CidrIp
          }:${rule.FromPort}-${rule.ToPort}`,
      ),
    endpoints: ofType(resources, 'AWS::EC2::VPCEndpoint')
      .map(([, e]) => {
        const name = JSON.stringify(e.Properties.ServiceName);
        const endpointService =
          ENDPOINT_SERVICES.find(known => name.includes(known)) ?? name;
        return `${
          e.Properties.VpcEndpointType ?? 'Gateway'
        }:${endpointService}`;
      })
      .sort(),
    record: {
      name: record.Properties.Name,
      type: record.Properties.Type,
      zone: record.Properties.HostedZoneId,
      aliasToNlb: JSON.stringify(
        record.Properties.AliasTarget?.DNSName ?? null,
      ).includes(`"${nlbId}"`),
    },
    certificate: {
      domain: certificate.Properties.DomainName,
      validation: certificate.Properties.ValidationMethod,
      zone: certificate.Properties.DomainValidationOptions?.[0]?.HostedZoneId,
    },
    task: {
      cpu: taskDefinition.Properties.Cpu,
      memory: taskDefinition.Properties.Memory,
      image: JSON.stringify(
        taskDefinition.Properties.ContainerDefinitions[0].Image,
      ),
      containerPort:
        taskDefinition.Properties.ContainerDefinitions[0].PortMappings[0]
          .ContainerPort,
    },
    service: {
      desiredCount: service.Properties.DesiredCount,
      subnets:
        service.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets,
      publicIp:
        service.Properties.NetworkConfiguration.AwsvpcConfiguration
          .AssignPublicIp,
      circuitBreaker:
        service.Properties.DeploymentConfiguration.DeploymentCircuitBreaker,
      minHealthyPercent:
        service.Properties.DeploymentConfiguration.MinimumHealthyPercent,
      gracePeriod: service.Properties.HealthCheckGracePeriodSeconds,
    },
    /** Who pulls the image, and the ECR repository it may read (none for another registry). */
    imagePull: {
      role: resources[executionRoleId].Properties.RoleName,
      repository:
        executionRoleStatements.find(statement =>
          [statement.Action].flat().includes('ecr:BatchGetImage'),
        )?.Resource ?? null,
    },
    /** What deleting the stack leaves behind, by resource type. */
    retained: [
      ...new Set(
        Object.values(resources)
          .filter(r => r.DeletionPolicy === 'Retain')
          .map(r => r.Type),
      ),
    ].sort(),
  };
}
