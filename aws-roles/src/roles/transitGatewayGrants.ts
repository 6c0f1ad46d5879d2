/**
 * What Backstage reads and writes with the network account's credentials,
 * the transit gateway's owner (plugins/internal-api-node/src/aws/transitGateway.ts,
 * routeRemovals.ts).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type { AccountNeeds } from '../accountNeeds';
import { Grant, sid } from './grantPolicy';
import type { ArnScope } from './vpcGrants';

type TransitGatewayNeeds = NonNullable<AccountNeeds['transitGateway']>;

export function transitGatewayGrants(
  scope: ArnScope,
  tgw: TransitGatewayNeeds,
): Grant[] {
  const ec2Arn = (accountId: string, resource: string) =>
    `arn:${scope.partition}:ec2:${tgw.region}:${accountId}:${resource}`;
  const grants: Grant[] = [
    {
      // placement:resolve (the VPC's attachment and its subnets), routes plans, the status card.
      statement: new iam.PolicyStatement({
        sid: 'ReadTransitGatewayVpcAttachments',
        actions: ['ec2:DescribeTransitGatewayVpcAttachments'],
        resources: ['*'],
      }),
      wildcardReason:
        'DescribeTransitGatewayVpcAttachments authorizes no resource type (Service Authorization Reference, Amazon EC2): IAM accepts only "*".',
    },
  ];
  const { routeTableId } = tgw;
  if (!routeTableId) {
    // Without a route table, Backstage never reads or writes transit gateway routes.
    return grants;
  }
  const table = ec2Arn(
    scope.accountId,
    `transit-gateway-route-table/${routeTableId}`,
  );
  grants.push(
    {
      // tgw:register-routes plan (readAssociatedAttachments: which attachments the table routes).
      statement: new iam.PolicyStatement({
        sid: 'ReadTransitGatewayRouteTableAssociations',
        actions: ['ec2:GetTransitGatewayRouteTableAssociations'],
        resources: ['*'],
      }),
      wildcardReason:
        'GetTransitGatewayRouteTableAssociations authorizes no resource type (Service Authorization Reference, Amazon EC2): IAM accepts only "*".',
    },
    {
      // routes register/deregister plans, the write's read-back and the status card (findTgwRoutes).
      statement: new iam.PolicyStatement({
        sid: sid('Search routes in', routeTableId),
        actions: ['ec2:SearchTransitGatewayRoutes'],
        resources: [table],
      }),
    },
    {
      // tgw:register-routes (CreateTransitGatewayRoute) and tgw:deregister-routes (DeleteTransitGatewayRoute), each after its DryRun.
      statement: new iam.PolicyStatement({
        sid: sid('Route provider CIDRs in', routeTableId),
        actions: [
          'ec2:CreateTransitGatewayRoute',
          'ec2:DeleteTransitGatewayRoute',
        ],
        resources: [table],
      }),
    },
    {
      // tgw:register-routes: CreateTransitGatewayRoute also authorizes the attachment it targets (optional resource type).
      statement: new iam.PolicyStatement({
        sid: 'TargetAttachmentsOfProviderAccounts',
        actions: ['ec2:CreateTransitGatewayRoute'],
        resources: tgw.attachmentAccountIds.map(accountId =>
          ec2Arn(accountId, 'transit-gateway-attachment/*'),
        ),
      }),
      wildcardReason:
        "The provider VPC's attachment id is only known when routes are planned; limited to attachments of the workload accounts and the gateway owner's view, in the gateway's region. The route table statement already limits where the route goes.",
    },
  );
  return grants;
}
