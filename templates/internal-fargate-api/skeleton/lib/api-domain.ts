import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';

export interface ApiDomainProps {
  /** The API's name; the zone of that name was created and delegated when the repository was made. */
  domainName: string;
  hostedZoneId: string;
}

/** The delegated zone (imported by id), the API's certificate, and the ALIAS to the NLB's private IPs. */
export class ApiDomain extends Construct {
  readonly zone: route53.IHostedZone;
  readonly certificate: acm.Certificate;

  constructor(scope: Construct, id: string, props: ApiDomainProps) {
    super(scope, id);
    this.zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZoneId,
      zoneName: props.domainName,
    });
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(this.zone),
    });
  }

  /** The name resolves, through the parent's delegation, to the load balancer's private addresses. */
  pointAt(loadBalancer: elbv2.INetworkLoadBalancer): route53.ARecord {
    return new route53.ARecord(this, 'Alias', {
      zone: this.zone,
      target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(loadBalancer)),
    });
  }
}
