import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** One policy statement and, when it has a wildcard, why that is as narrow as IAM allows. */
export interface Grant {
  statement: iam.PolicyStatement;
  /**
   * Why the `*` in its actions or resources cannot be narrower: it becomes
   * the cdk-nag IAM5 acknowledgement. Required when there is one.
   * @default - none: the statement has no wildcard
   */
  wildcardReason?: string;
}

/** A statement id from words, e.g. ('Delegate subdomains from', 'acme.com') → DelegateSubdomainsFromAcmeCom. */
export const sid = (...words: string[]) =>
  words
    .join(' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join('');

export interface GrantPolicyProps {
  /** The managed policy's name: says what it grants. */
  managedPolicyName: string;
  description: string;
  grants: Grant[];
}

// cdk-nag's rendering of a resource for its finding ids (utils/flatten-cfn-reference):
// Fn::Join joined, Ref as <Name>, Fn::GetAtt as <Name.Attr>.
function flatten(node: unknown): string {
  if (typeof node === 'string') {
    return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  }
  const value = node as Record<string, any>;
  if (value['Fn::Join']) {
    const [delimiter, items] = value['Fn::Join'];
    return (items as unknown[]).map(flatten).join(delimiter);
  }
  if (value.Ref) {
    return `<${value.Ref}>`;
  }
  if (value['Fn::GetAtt']) {
    return `<${value['Fn::GetAtt'].join('.')}>`;
  }
  return JSON.stringify(node);
}

const asList = <T>(value: T | T[] | undefined): T[] => {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
};

/**
 * A customer managed policy of grants. Every wildcard is acknowledged to
 * cdk-nag (AwsSolutions-IAM5) with its grant's reason; a wildcard without a
 * reason is a programming error and throws at synth.
 */
export class GrantPolicy extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: GrantPolicyProps) {
    super(scope, id);
    this.policy = new iam.ManagedPolicy(this, 'Resource', {
      managedPolicyName: props.managedPolicyName,
      description: props.description,
      statements: props.grants.map(grant => grant.statement),
    });
    const stack = Stack.of(this);
    const reasons = new Map<string, string[]>();
    for (const { statement, wildcardReason } of props.grants) {
      const json = stack.resolve(statement.toStatementJson());
      if (json.Effect !== 'Allow') {
        continue;
      }
      const findings = [
        ...asList<string>(json.Action)
          .filter(action => action.includes('*'))
          .map(action => `Action::${action}`),
        ...asList<unknown>(json.Resource)
          .map(flatten)
          .filter(resource => resource.includes('*'))
          .map(resource => `Resource::${resource}`),
      ];
      if (findings.length > 0 && !wildcardReason) {
        throw new Error(
          `Statement ${json.Sid} of ${
            props.managedPolicyName
          } has ${findings.join(', ')} without a wildcardReason.`,
        );
      }
      for (const finding of findings) {
        reasons.set(finding, [
          ...(reasons.get(finding) ?? []),
          `${json.Sid}: ${wildcardReason}`,
        ]);
      }
    }
    for (const [finding, why] of reasons) {
      Validations.of(this.policy).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: why.join(' '),
      });
    }
  }
}
