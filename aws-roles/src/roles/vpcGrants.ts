/**
 * What Backstage reads and writes in a VPC it places APIs in (workload) or
 * routes to them from (consumer), with that account's credentials
 * (plugins/internal-api-node/src/aws/vpcs.ts, routeTables.ts, prefixLists.ts,
 * routeRemovals.ts).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type { VpcRef } from '../accountNeeds';
import { Grant, sid } from './grantPolicy';

/** ARNs in the account, with the partition as the stack renders it. */
export interface ArnScope {
  partition: string;
  accountId: string;
}

const ec2Arn = (scope: ArnScope, region: string, resource: string) =>
  `arn:${scope.partition}:ec2:${region}:${scope.accountId}:${resource}`;

const DESCRIBE_TAKES_NO_RESOURCE =
  'EC2 Describe* calls authorize no resource type (Service Authorization Reference, Amazon EC2): IAM accepts only "*".';

/** Reads every VPC kind needs: the VPC's CIDR, its subnets and its route tables. */
export const readVpcNetworks = (): Grant => ({
  // placement:resolve (describeVpc, describeSubnets), routes register/deregister plans, the status card, the consumers lookup.
  statement: new iam.PolicyStatement({
    sid: 'ReadVpcsSubnetsAndRouteTables',
    actions: [
      'ec2:DescribeVpcs',
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
    ],
    resources: ['*'],
  }),
  wildcardReason: DESCRIBE_TAKES_NO_RESOURCE,
});

/** The entries of prefix lists the VPC's route tables route to, in each region the account has VPCs. */
export const readPrefixListEntries = (
  scope: ArnScope,
  regions: string[],
): Grant => ({
  // routes plans and the status card expand prefix-list routes (withPrefixListEntries).
  statement: new iam.PolicyStatement({
    sid: 'ReadPrefixListEntriesOfRoutedLists',
    actions: ['ec2:GetManagedPrefixListEntries'],
    // A route table may name AWS-managed or shared lists, owned by other accounts: any owner, these regions.
    resources: regions.map(
      region => `arn:${scope.partition}:ec2:${region}:*:prefix-list/*`,
    ),
  }),
  wildcardReason:
    'A route table may route to AWS-managed or RAM-shared prefix lists whose owner and id are not known in advance; limited to prefix lists in the regions of the configured VPCs.',
});

/** Workload VPCs only: the endpoints and DNS attributes the generated stack depends on. */
export const readPlacementFacts = (
  scope: ArnScope,
  vpcs: VpcRef[],
): Grant[] => [
  {
    // placement:resolve (readPlacementFacts: describeVpcEndpoints).
    statement: new iam.PolicyStatement({
      sid: 'ReadVpcEndpointsForPlacement',
      actions: ['ec2:DescribeVpcEndpoints'],
      resources: ['*'],
    }),
    wildcardReason: DESCRIBE_TAKES_NO_RESOURCE,
  },
  {
    // placement:resolve (readPlacementFacts: describeVpcDns); DescribeVpcAttribute authorizes vpc*.
    statement: new iam.PolicyStatement({
      sid: 'ReadDnsAttributesOfWorkloadVpcs',
      actions: ['ec2:DescribeVpcAttribute'],
      resources: vpcs.map(vpc => ec2Arn(scope, vpc.region, `vpc/${vpc.vpcId}`)),
    }),
  },
];

/**
 * Routes to the transit gateway in the VPC's route tables that carry the
 * platform's tag, and nowhere else. The plan's DryRun calls are authorized
 * exactly like the writes (same action, resource and conditions).
 */
export const routeVpcViaTransitGateway = (
  scope: ArnScope,
  vpc: VpcRef,
  routeTableTag: { key: string; value: string },
): Grant => ({
  // tgw:register-routes (CreateRoute, its DryRun first) and tgw:deregister-routes (DeleteRoute, its DryRun first).
  statement: new iam.PolicyStatement({
    sid: sid('Route', vpc.vpcId, 'via transit gateway'),
    actions: ['ec2:CreateRoute', 'ec2:DeleteRoute'],
    resources: [ec2Arn(scope, vpc.region, 'route-table/*')],
    conditions: {
      ArnEquals: { 'ec2:Vpc': ec2Arn(scope, vpc.region, `vpc/${vpc.vpcId}`) },
      StringEquals: {
        [`aws:ResourceTag/${routeTableTag.key}`]: routeTableTag.value,
      },
    },
  }),
  wildcardReason: `Route tables are named by id only when a route is planned; the conditions hold every write to tables of ${vpc.vpcId} tagged ${routeTableTag.key}=${routeTableTag.value}.`,
});
