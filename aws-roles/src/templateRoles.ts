/**
 * Roles as CloudFormation would deploy them, read from a synthesized
 * template: intrinsics resolved for the template's account and region.
 */
import type { DeployedRole, PolicyDocument } from './iam/policyDocument';

type Json = unknown;
interface Resource {
  Type: string;
  Properties?: Record<string, any>;
}
export interface Template {
  Resources?: Record<string, Resource>;
}

/** Where the template is deployed: what its pseudo parameters resolve to. */
export interface TemplateEnvironment {
  accountId: string;
  region: string;
}

const PARTITIONS: Array<[string, string, string]> = [
  ['cn-', 'aws-cn', 'amazonaws.com.cn'],
  ['us-gov-', 'aws-us-gov', 'amazonaws.com'],
  ['us-isob-', 'aws-iso-b', 'sc2s.sgov.gov'],
  ['us-iso-', 'aws-iso', 'c2s.ic.gov'],
];

export function partitionOf(region: string) {
  const [, partition, urlSuffix] = PARTITIONS.find(([prefix]) =>
    region.startsWith(prefix),
  ) ?? ['', 'aws', 'amazonaws.com'];
  return { partition, urlSuffix };
}

/** Resolves the intrinsics the roles app renders; anything else is an error that names it. */
export class TemplateResolver {
  private readonly resources: Record<string, Resource>;
  private readonly pseudo: Record<string, string>;

  constructor(template: Template, readonly env: TemplateEnvironment) {
    this.resources = template.Resources ?? {};
    const { partition, urlSuffix } = partitionOf(env.region);
    this.pseudo = {
      'AWS::Partition': partition,
      'AWS::AccountId': env.accountId,
      'AWS::Region': env.region,
      'AWS::URLSuffix': urlSuffix,
    };
  }

  resourcesOfType(type: string): Array<[string, Resource]> {
    return Object.entries(this.resources).filter(([, r]) => r.Type === type);
  }

  resource(logicalId: string): Resource {
    const resource = this.resources[logicalId];
    if (!resource) {
      throw new Error(`The template has no resource ${logicalId}.`);
    }
    return resource;
  }

  /** The name a resource has once deployed; the roles app names every IAM resource itself. */
  private named(logicalId: string, property: string): string {
    const name = this.resource(logicalId).Properties?.[property];
    if (name === undefined) {
      throw new Error(
        `${logicalId} has no ${property}: its name is only known after deploy.`,
      );
    }
    return this.text(name);
  }

  private arnOf(logicalId: string): string {
    const { Type, Properties = {} } = this.resource(logicalId);
    const iamArn = (resource: string) =>
      `arn:${this.pseudo['AWS::Partition']}:iam::${this.env.accountId}:${resource}`;
    switch (Type) {
      case 'AWS::IAM::ManagedPolicy':
        return iamArn(
          `policy${Properties.Path ?? '/'}${this.named(
            logicalId,
            'ManagedPolicyName',
          )}`,
        );
      case 'AWS::IAM::Role':
        return iamArn(
          `role${Properties.Path ?? '/'}${this.named(logicalId, 'RoleName')}`,
        );
      case 'AWS::IAM::OIDCProvider':
        return iamArn(
          `oidc-provider/${this.text(Properties.Url).replace(
            /^https:\/\//,
            '',
          )}`,
        );
      default:
        throw new Error(`No ARN rule for ${logicalId} (${Type}).`);
    }
  }

  private ref(target: string): string {
    if (this.pseudo[target]) {
      return this.pseudo[target];
    }
    // CloudFormation's Ref of a role is its name; of a managed policy or OIDC provider, its ARN.
    return this.resource(target).Type === 'AWS::IAM::Role'
      ? this.named(target, 'RoleName')
      : this.arnOf(target);
  }

  private getAtt([target, attribute]: [string, string]): string {
    if (!['Arn', 'PolicyArn'].includes(attribute)) {
      throw new Error(`No rule for Fn::GetAtt ${target}.${attribute}.`);
    }
    return this.arnOf(target);
  }

  text(value: Json): string {
    const resolved = this.resolve(value);
    if (typeof resolved !== 'string') {
      throw new Error(`Expected text, got ${JSON.stringify(value)}.`);
    }
    return resolved;
  }

  resolve(value: Json): Json {
    if (Array.isArray(value)) {
      return value.map(item => this.resolve(item));
    }
    if (typeof value !== 'object' || value === null) {
      return value;
    }
    const entries = Object.entries(value);
    const [key, argument] = entries[0] ?? [];
    if (entries.length === 1 && (key === 'Ref' || key.startsWith('Fn::'))) {
      switch (key) {
        case 'Ref':
          return this.ref(argument as string);
        case 'Fn::GetAtt':
          return this.getAtt(argument as [string, string]);
        case 'Fn::Join': {
          const [delimiter, items] = argument as [string, Json[]];
          return items.map(item => this.text(item)).join(delimiter);
        }
        default:
          throw new Error(`No rule for ${key} in ${JSON.stringify(value)}.`);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(v)]));
  }
}

const refersTo = (roles: Json, logicalId: string) =>
  Array.isArray(roles) &&
  roles.some(
    role =>
      typeof role === 'object' &&
      role !== null &&
      (role as { Ref?: string }).Ref === logicalId,
  );

/** Every role of the template with its trust policy, its policies (inline and managed) and its boundary. */
export function rolesInTemplate(
  template: Template,
  env: TemplateEnvironment,
): DeployedRole[] {
  const t = new TemplateResolver(template, env);
  const managed = t.resourcesOfType('AWS::IAM::ManagedPolicy');
  const managedByArn = new Map(
    managed.map(([id, r]) => [t.text({ Ref: id }), r.Properties!]),
  );
  const documentOf = (arn: string, role: string) => {
    const policy = managedByArn.get(arn);
    if (!policy) {
      throw new Error(
        `Role ${role} names managed policy ${arn}, which this template does not define.`,
      );
    }
    return {
      name: t.text(policy.ManagedPolicyName),
      document: t.resolve(policy.PolicyDocument) as PolicyDocument,
    };
  };

  return t.resourcesOfType('AWS::IAM::Role').map(([logicalId, role]) => {
    const props = role.Properties ?? {};
    const roleName = t.text(props.RoleName);
    const attachedHere = [
      ...managed,
      ...t.resourcesOfType('AWS::IAM::Policy'),
    ].filter(([, p]) => refersTo(p.Properties?.Roles, logicalId));
    return {
      accountId: env.accountId,
      roleName,
      trustPolicy: t.resolve(props.AssumeRolePolicyDocument) as PolicyDocument,
      policies: [
        ...(props.Policies ?? []).map((p: Record<string, Json>) => ({
          name: t.text(p.PolicyName),
          document: t.resolve(p.PolicyDocument) as PolicyDocument,
        })),
        ...(props.ManagedPolicyArns ?? []).map((arn: Json) =>
          documentOf(t.text(arn), roleName),
        ),
        ...attachedHere.map(([, p]) => ({
          name: t.text(
            p.Properties!.ManagedPolicyName ?? p.Properties!.PolicyName,
          ),
          document: t.resolve(p.Properties!.PolicyDocument) as PolicyDocument,
        })),
      ],
      ...(props.PermissionsBoundary
        ? {
            permissionsBoundary: documentOf(
              t.text(props.PermissionsBoundary),
              roleName,
            ).document,
          }
        : {}),
    };
  });
}
