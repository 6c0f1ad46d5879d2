/**
 * IAM policy documents as CloudFormation deploys them (intrinsics resolved):
 * the roles app produces them from its synthesized templates, the evaluator
 * reads them.
 */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export type OneOrMany<T> = T | T[];

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  /** Trust policies only. */
  Principal?:
    | '*'
    | {
        AWS?: OneOrMany<string>;
        Federated?: OneOrMany<string>;
        Service?: OneOrMany<string>;
      };
  /** operator → condition key → value(s), e.g. { StringEquals: { 'ec2:Vpc': 'arn:…' } } */
  Condition?: Record<string, Record<string, OneOrMany<string | boolean>>>;
}

/** One role in one account, with everything that decides what it may do. */
export interface DeployedRole {
  accountId: string;
  roleName: string;
  /** AssumeRolePolicyDocument */
  trustPolicy: PolicyDocument;
  /** Inline and managed policies attached to the role, by a name that says what each grants. */
  policies: Array<{ name: string; document: PolicyDocument }>;
  /** The permissions boundary's document, when the role has one. */
  permissionsBoundary?: PolicyDocument;
}
