/**
 * The IAM request(s) a recorded AWS call is authorized as. Only the
 * operations our code calls are known; any other throws, naming it, so new
 * code cannot slip past the policy check.
 */
import type { AwsRequest } from '@internal/aws-sandbox';
import type { ConditionContext } from './conditionOperators';
import {
  type AuthorizedResource,
  type ResourceFacts,
  ec2AuthorizedResources,
} from './ec2Requests';
import type { IamRequest } from './evaluatePolicies';
import { accountOf, principalArnOf } from './principals';
import { route53AuthorizedResources } from './route53Requests';

export type { ResourceFacts, RouteTableFacts } from './ec2Requests';

/** Global keys of every request that cost nothing to know (IAM User Guide, "AWS global condition context keys"). */
function globalKeys(request: AwsRequest): ConditionContext {
  return {
    'aws:PrincipalArn': principalArnOf(request.principalArn),
    'aws:PrincipalAccount':
      accountOf(request.principalArn) ?? request.accountId,
    'aws:RequestedRegion': request.region,
  };
}

function iamRequest(
  request: AwsRequest,
  action: string,
  resources: AuthorizedResource[],
  context: ConditionContext = {},
): IamRequest {
  const resourceContext = Object.fromEntries(
    resources
      .filter(resource => resource.context)
      .map(resource => [resource.arn, resource.context!]),
  );
  return {
    action,
    resources: resources.map(resource => resource.arn),
    context: { ...globalKeys(request), ...context },
    ...(Object.keys(resourceContext).length > 0 ? { resourceContext } : {}),
    principalArn: request.principalArn,
  };
}

/** `Tags.member.N.Key` / `.Value` of an STS Query request. */
function sessionTags(params: Record<string, string>) {
  return Object.entries(params)
    .filter(([name]) => /^Tags\.member\.\d+\.Key$/.test(name))
    .map(([name, key]) => ({
      key,
      value: params[name.replace(/Key$/, 'Value')] ?? '',
    }));
}

/**
 * AssumeRole (Service Authorization Reference, "Actions, resources, and
 * condition keys for AWS Security Token Service": role*; sts:ExternalId,
 * sts:RoleSessionName, sts:SourceIdentity, aws:RequestTag/${TagKey},
 * aws:TagKeys, sts:TransitiveTagKeys). Session tags are also authorized as
 * `sts:TagSession` and a source identity as `sts:SetSourceIdentity` on the
 * same role (IAM User Guide, "Passing session tags in AWS STS" and
 * "Monitor and control actions taken with assumed roles").
 */
function assumeRoleRequests(request: AwsRequest): IamRequest[] {
  const { params } = request;
  if (!params.RoleArn) {
    throw new Error('STS AssumeRole without RoleArn');
  }
  const role: AuthorizedResource[] = [{ arn: params.RoleArn }];
  const tags = sessionTags(params);
  const transitive = Object.entries(params)
    .filter(([name]) => /^TransitiveTagKeys\.member\.\d+$/.test(name))
    .map(([, key]) => key);
  const context: ConditionContext = {
    ...(params.RoleSessionName
      ? { 'sts:RoleSessionName': params.RoleSessionName }
      : {}),
    ...(params.ExternalId ? { 'sts:ExternalId': params.ExternalId } : {}),
    ...(params.SourceIdentity
      ? { 'sts:SourceIdentity': params.SourceIdentity }
      : {}),
    ...(tags.length > 0
      ? {
          'aws:TagKeys': tags.map(tag => tag.key),
          ...Object.fromEntries(
            tags.map(tag => [`aws:RequestTag/${tag.key}`, tag.value]),
          ),
        }
      : {}),
    ...(transitive.length > 0 ? { 'sts:TransitiveTagKeys': transitive } : {}),
  };
  return [
    iamRequest(request, 'sts:AssumeRole', role, context),
    ...(tags.length > 0
      ? [iamRequest(request, 'sts:TagSession', role, context)]
      : []),
    ...(params.SourceIdentity
      ? [iamRequest(request, 'sts:SetSourceIdentity', role, context)]
      : []),
  ];
}

function stsRequests(request: AwsRequest, operation: string): IamRequest[] {
  if (operation === 'AssumeRole') return assumeRoleRequests(request);
  // GetCallerIdentity: "No permissions are required to perform this operation"
  // (STS API Reference); an explicit Deny cannot block it either.
  if (operation === 'GetCallerIdentity') return [];
  throw unknownOperation(request);
}

function unknownOperation(request: AwsRequest) {
  return new Error(
    `No IAM mapping for ${request.service} ${request.operation}: add the operation to aws-roles/src/iam ` +
      'from its Service Authorization Reference row before calling it',
  );
}

/** The IAM requests a recorded call is authorized as (none for GetCallerIdentity). */
export function iamRequestsOf(
  request: AwsRequest,
  facts: ResourceFacts,
): IamRequest[] {
  // A dry run is recorded as e.g. `CreateRoute (dry run)`; the Query API's Action names the call.
  const operation = request.params.Action ?? request.operation;
  if (request.service === 'sts') {
    return stsRequests(request, operation);
  }
  if (request.service === 'ec2') {
    const resources = ec2AuthorizedResources(operation, {
      accountId: request.accountId,
      region: request.region,
      params: request.params,
      facts,
    });
    if (!resources) throw unknownOperation(request);
    return [
      iamRequest(request, `ec2:${operation}`, resources, {
        'ec2:Region': request.region,
      }),
    ];
  }
  if (request.service === 'route53') {
    const resources = route53AuthorizedResources(request);
    if (!resources) throw unknownOperation(request);
    return [iamRequest(request, `route53:${request.operation}`, resources)];
  }
  throw unknownOperation(request);
}
