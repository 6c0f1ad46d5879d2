import type { AwsRequest } from '@internal/aws-sandbox';
import { type ResourceFacts, iamRequestsOf } from './iamRequests';
import {
  assumeRoleRequest,
  changeBatchXml,
  ec2Request,
  route53Request,
} from './recordedRequests';

const REGION = 'eu-west-1';
const WORKLOAD = {
  accountId: '777788889999',
  roleName: 'backstage-internal-api',
};
const SESSION = `arn:aws:sts::${WORKLOAD.accountId}:assumed-role/${WORKLOAD.roleName}/backstage-task`;
const ROLE_ARN = `arn:aws:iam::${WORKLOAD.accountId}:role/${WORKLOAD.roleName}`;
const arn = (type: string, id: string) =>
  `arn:aws:ec2:${REGION}:${WORKLOAD.accountId}:${type}/${id}`;

const facts: ResourceFacts = {
  routeTable: (accountId, region, id) =>
    accountId === WORKLOAD.accountId && region === REGION && id === 'rtb-1'
      ? { vpcId: 'vpc-1', tags: { 'internal-api.platform/routes': 'managed' } }
      : undefined,
  tagsOf: resource =>
    resource === arn('transit-gateway-attachment', 'tgw-attach-1')
      ? { team: 'net' }
      : undefined,
};

const only = (request: AwsRequest) => {
  const requests = iamRequestsOf(request, facts);
  expect(requests).toHaveLength(1);
  return requests[0];
};

describe('iamRequestsOf', () => {
  it.each([
    ['DescribeVpcs', {}, ['*']],
    ['DescribeSubnets', {}, ['*']],
    ['DescribeRouteTables', {}, ['*']],
    ['DescribeVpcEndpoints', {}, ['*']],
    ['DescribeTransitGatewayVpcAttachments', {}, ['*']],
    [
      'GetTransitGatewayRouteTableAssociations',
      { TransitGatewayRouteTableId: 'tgw-rtb-1' },
      ['*'],
    ],
    [
      'DescribeVpcAttribute',
      { VpcId: 'vpc-1', Attribute: 'enableDnsSupport' },
      [arn('vpc', 'vpc-1')],
    ],
    [
      'SearchTransitGatewayRoutes',
      { TransitGatewayRouteTableId: 'tgw-rtb-1' },
      [arn('transit-gateway-route-table', 'tgw-rtb-1')],
    ],
    [
      'GetManagedPrefixListEntries',
      { PrefixListId: 'pl-1' },
      [arn('prefix-list', 'pl-1')],
    ],
    [
      'DeleteTransitGatewayRoute',
      { TransitGatewayRouteTableId: 'tgw-rtb-1' },
      [arn('transit-gateway-route-table', 'tgw-rtb-1')],
    ],
  ])('authorizes EC2 %s on its resources', (action, params, resources) => {
    const iam = only(
      ec2Request(WORKLOAD, REGION, { Action: action, ...params }),
    );
    expect(iam.action).toBe(`ec2:${action}`);
    expect(iam.resources).toEqual(resources);
    expect(iam.context).toEqual({
      'aws:PrincipalArn': ROLE_ARN,
      'aws:PrincipalAccount': WORKLOAD.accountId,
      'aws:RequestedRegion': REGION,
      'ec2:Region': REGION,
    });
    expect(iam.principalArn).toBe(SESSION);
  });

  it('authorizes a dry-run CreateRoute like the call, with the table VPC and tags', () => {
    const request = ec2Request(WORKLOAD, REGION, {
      Action: 'CreateRoute',
      RouteTableId: 'rtb-1',
      DestinationCidrBlock: '10.20.0.0/16',
      TransitGatewayId: 'tgw-1',
      DryRun: 'true',
    });
    expect(request.operation).toBe('CreateRoute (dry run)');
    const iam = only(request);
    expect(iam.action).toBe('ec2:CreateRoute');
    expect(iam.resources).toEqual([arn('route-table', 'rtb-1')]);
    expect(iam.resourceContext).toEqual({
      [arn('route-table', 'rtb-1')]: {
        'ec2:RouteTableID': 'rtb-1',
        'ec2:Vpc': arn('vpc', 'vpc-1'),
        'aws:ResourceTag/internal-api.platform/routes': 'managed',
        'ec2:ResourceTag/internal-api.platform/routes': 'managed',
      },
    });
  });

  it('leaves the VPC and tags of an unknown route table out', () => {
    const iam = only(
      ec2Request(WORKLOAD, REGION, {
        Action: 'DeleteRoute',
        RouteTableId: 'rtb-9',
        DestinationCidrBlock: '10.0.0.0/16',
      }),
    );
    expect(iam.resourceContext).toEqual({
      [arn('route-table', 'rtb-9')]: { 'ec2:RouteTableID': 'rtb-9' },
    });
  });

  it('authorizes a transit gateway route on its table and the attachment it names', () => {
    const request = ec2Request(WORKLOAD, REGION, {
      Action: 'CreateTransitGatewayRoute',
      TransitGatewayRouteTableId: 'tgw-rtb-1',
      TransitGatewayAttachmentId: 'tgw-attach-1',
      DestinationCidrBlock: '10.10.0.0/16',
    });
    const iam = only(request);
    expect(iam.resources).toEqual([
      arn('transit-gateway-route-table', 'tgw-rtb-1'),
      arn('transit-gateway-attachment', 'tgw-attach-1'),
    ]);
    expect(
      iam.resourceContext?.[arn('transit-gateway-attachment', 'tgw-attach-1')],
    ).toEqual({
      'aws:ResourceTag/team': 'net',
      'ec2:ResourceTag/team': 'net',
      'ec2:transitGatewayAttachmentId': 'tgw-attach-1',
    });
    const blackhole = only(
      ec2Request(WORKLOAD, REGION, {
        ...request.params,
        TransitGatewayAttachmentId: '',
        Blackhole: 'true',
      }),
    );
    expect(blackhole.resources).toEqual([
      arn('transit-gateway-route-table', 'tgw-rtb-1'),
    ]);
  });

  it('reads a Route 53 change batch into the three multivalued keys', () => {
    const body = changeBatchXml([
      ['DELETE', 'Orders.ACME.com.', 'NS'],
      ['CREATE', 'orders.acme.com', 'NS'],
      ['CREATE', '*.acme.com.', 'TXT'],
    ]);
    const iam = only(
      route53Request(
        WORKLOAD,
        'ChangeResourceRecordSets',
        'POST',
        '/hostedzone/Z123/rrset',
        body,
      ),
    );
    expect(iam.action).toBe('route53:ChangeResourceRecordSets');
    expect(iam.resources).toEqual(['arn:aws:route53:::hostedzone/Z123']);
    expect(iam.resourceContext).toEqual({
      'arn:aws:route53:::hostedzone/Z123': {
        'route53:ChangeResourceRecordSetsActions': ['DELETE', 'CREATE'],
        'route53:ChangeResourceRecordSetsRecordTypes': ['NS', 'TXT'],
        'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
          'orders.acme.com',
          '\\052.acme.com',
        ],
      },
    });
    expect(iam.context['aws:RequestedRegion']).toBe('us-east-1');
  });

  it.each([
    [
      'GetHostedZone',
      'GET',
      '/hostedzone/Z123',
      'arn:aws:route53:::hostedzone/Z123',
    ],
    [
      'ListResourceRecordSets',
      'GET',
      '/hostedzone/Z123/rrset',
      'arn:aws:route53:::hostedzone/Z123',
    ],
    [
      'DeleteHostedZone',
      'DELETE',
      '/hostedzone/Z123',
      'arn:aws:route53:::hostedzone/Z123',
    ],
    ['GetChange', 'GET', '/change/C0123', 'arn:aws:route53:::change/C0123'],
    ['ListHostedZones', 'GET', '/hostedzone', '*'],
    ['ListHostedZonesByName', 'GET', '/hostedzonesbyname', '*'],
    ['CreateHostedZone', 'POST', '/hostedzone', '*'],
  ])('authorizes Route 53 %s on %s %s', (operation, method, path, resource) => {
    const iam = only(route53Request(WORKLOAD, operation, method, path));
    expect(iam).toMatchObject({
      action: `route53:${operation}`,
      resources: [resource],
    });
  });

  it('gives a private zone its VPC key', () => {
    const body =
      '<CreateHostedZoneRequest><Name>x.internal</Name><VPC><VPCRegion>eu-west-1</VPCRegion><VPCId>vpc-0ABC</VPCId></VPC></CreateHostedZoneRequest>';
    const iam = only(
      route53Request(WORKLOAD, 'CreateHostedZone', 'POST', '/hostedzone', body),
    );
    expect(iam.resourceContext).toEqual({
      '*': { 'route53:VPCs': 'vpcid=vpc-0abc,vpcregion=eu-west-1' },
    });
  });

  it('authorizes AssumeRole on the role with its session keys, and session tags as TagSession', () => {
    const user = 'arn:aws:iam::123456789012:user/moto';
    const [assume, tag] = iamRequestsOf(
      assumeRoleRequest(user, REGION, ROLE_ARN, 'backstage-task', {
        ExternalId: 'ext-1',
        'Tags.member.1.Key': 'initiator',
        'Tags.member.1.Value': 'user:default/jane',
      }),
      facts,
    );
    expect(assume).toEqual({
      action: 'sts:AssumeRole',
      resources: [ROLE_ARN],
      principalArn: user,
      context: {
        'aws:PrincipalArn': user,
        'aws:PrincipalAccount': '123456789012',
        'aws:RequestedRegion': REGION,
        'sts:RoleSessionName': 'backstage-task',
        'sts:ExternalId': 'ext-1',
        'aws:TagKeys': ['initiator'],
        'aws:RequestTag/initiator': 'user:default/jane',
      },
    });
    expect(tag.action).toBe('sts:TagSession');
  });

  it('needs no permission for GetCallerIdentity', () => {
    const request: AwsRequest = {
      ...assumeRoleRequest(SESSION, REGION, ROLE_ARN, 'x'),
      operation: 'GetCallerIdentity',
      params: { Action: 'GetCallerIdentity' },
    };
    expect(iamRequestsOf(request, facts)).toEqual([]);
  });

  it('refuses an operation it has no mapping for, naming it', () => {
    expect(() =>
      iamRequestsOf(
        ec2Request(WORKLOAD, REGION, {
          Action: 'ReplaceRoute',
          RouteTableId: 'rtb-1',
        }),
        facts,
      ),
    ).toThrow(/No IAM mapping for ec2 ReplaceRoute/);
    expect(() =>
      iamRequestsOf(
        route53Request(
          WORKLOAD,
          'route53 POST /2013-04-01/healthcheck',
          'POST',
          '/healthcheck',
        ),
        facts,
      ),
    ).toThrow(/No IAM mapping for route53/);
    expect(() =>
      iamRequestsOf(
        {
          ...ec2Request(WORKLOAD, REGION, { Action: 'x' }),
          service: 's3',
          params: {},
        },
        facts,
      ),
    ).toThrow(/No IAM mapping for s3/);
  });
});
