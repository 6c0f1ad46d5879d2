import {
  type ConditionContext,
  conditionsHold,
  lowerCaseKeys,
} from './conditionOperators';
import type { PolicyStatement } from './policyDocument';

const holds = (
  condition: PolicyStatement['Condition'],
  context: ConditionContext,
) => conditionsHold(condition, lowerCaseKeys(context));

describe('conditionsHold', () => {
  it('ANDs operators and keys, ORs the values of a key', () => {
    const condition = {
      StringEquals: {
        'ec2:Vpc': ['vpc-a', 'vpc-b'],
        'aws:ResourceTag/team': 'net',
      },
      StringLike: { 'sts:RoleSessionName': 'backstage-*' },
    };
    const context = {
      'ec2:Vpc': 'vpc-b',
      'aws:ResourceTag/team': 'net',
      'sts:RoleSessionName': 'backstage-1',
    };
    expect(holds(condition, context)).toBe(true);
    expect(holds(condition, { ...context, 'ec2:Vpc': 'vpc-c' })).toBe(false);
    expect(
      holds(condition, { ...context, 'aws:ResourceTag/team': 'app' }),
    ).toBe(false);
    expect(
      holds(condition, { ...context, 'sts:RoleSessionName': 'mallory' }),
    ).toBe(false);
  });

  it('reads condition keys case-insensitively, values case-sensitively', () => {
    expect(
      holds({ StringEquals: { 'EC2:VPC': 'vpc-a' } }, { 'ec2:vpc': 'vpc-a' }),
    ).toBe(true);
    expect(
      holds({ StringEquals: { 'ec2:Vpc': 'vpc-a' } }, { 'ec2:Vpc': 'VPC-A' }),
    ).toBe(false);
    expect(
      holds(
        { StringEqualsIgnoreCase: { 'ec2:Vpc': 'vpc-a' } },
        { 'ec2:Vpc': 'VPC-A' },
      ),
    ).toBe(true);
    expect(
      holds(
        { StringNotEqualsIgnoreCase: { 'ec2:Vpc': 'vpc-a' } },
        { 'ec2:Vpc': 'VPC-A' },
      ),
    ).toBe(false);
  });

  it('makes a plain operator false on a missing key, a negated one true', () => {
    expect(holds({ StringEquals: { 'sts:ExternalId': 'x' } }, {})).toBe(false);
    expect(holds({ StringLike: { 'sts:ExternalId': '*' } }, {})).toBe(false);
    expect(holds({ ArnLike: { 'aws:PrincipalArn': '*' } }, {})).toBe(false);
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, {})).toBe(false);
    expect(holds({ StringNotEquals: { 'sts:ExternalId': 'x' } }, {})).toBe(
      true,
    );
    expect(holds({ StringNotLike: { 'sts:ExternalId': 'x*' } }, {})).toBe(true);
    expect(
      holds(
        { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::1:root' } },
        {},
      ),
    ).toBe(true);
  });

  it('NORs the values of a negated operator', () => {
    const condition = { StringNotEquals: { 'ec2:Vpc': ['vpc-a', 'vpc-b'] } };
    expect(holds(condition, { 'ec2:Vpc': 'vpc-a' })).toBe(false);
    expect(holds(condition, { 'ec2:Vpc': 'vpc-b' })).toBe(false);
    expect(holds(condition, { 'ec2:Vpc': 'vpc-c' })).toBe(true);
  });

  it('lets IfExists pass a missing key and test a present one', () => {
    const condition = { StringEqualsIfExists: { 'sts:ExternalId': 'secret' } };
    expect(holds(condition, {})).toBe(true);
    expect(holds(condition, { 'sts:ExternalId': 'secret' })).toBe(true);
    expect(holds(condition, { 'sts:ExternalId': 'guess' })).toBe(false);
  });

  it('tests presence with Null', () => {
    expect(holds({ Null: { 'sts:ExternalId': 'true' } }, {})).toBe(true);
    expect(
      holds({ Null: { 'sts:ExternalId': 'true' } }, { 'sts:ExternalId': 'x' }),
    ).toBe(false);
    expect(
      holds({ Null: { 'sts:ExternalId': false } }, { 'sts:ExternalId': 'x' }),
    ).toBe(true);
    expect(
      holds({ Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] }),
    ).toBe(false);
  });

  it('ForAllValues: every request value must match, and a missing key passes (the trap)', () => {
    const condition = {
      'ForAllValues:StringEquals': {
        'route53:ChangeResourceRecordSetsActions': ['CREATE'],
      },
    };
    expect(
      holds(condition, {
        'route53:ChangeResourceRecordSetsActions': ['CREATE'],
      }),
    ).toBe(true);
    expect(
      holds(condition, {
        'route53:ChangeResourceRecordSetsActions': ['CREATE', 'UPSERT'],
      }),
    ).toBe(false);
    expect(holds(condition, {})).toBe(true);
    expect(
      holds(condition, { 'route53:ChangeResourceRecordSetsActions': [] }),
    ).toBe(true);
    // A single-valued key is a set of one.
    expect(
      holds(condition, { 'route53:ChangeResourceRecordSetsActions': 'DELETE' }),
    ).toBe(false);
  });

  it('ForAnyValue: one request value must match, and a missing key fails', () => {
    const condition = {
      'ForAnyValue:StringLike': { 'aws:TagKeys': 'internal-*' },
    };
    expect(holds(condition, { 'aws:TagKeys': ['team', 'internal-api'] })).toBe(
      true,
    );
    expect(holds(condition, { 'aws:TagKeys': ['team'] })).toBe(false);
    expect(holds(condition, {})).toBe(false);
    expect(
      holds({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'x' } }, {}),
    ).toBe(true);
  });

  it('applies a negated operator per value under a set qualifier', () => {
    const condition = {
      'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' },
    };
    expect(holds(condition, { 'aws:TagKeys': ['key2:audit'] })).toBe(true);
    expect(
      holds(condition, { 'aws:TagKeys': ['key1:legal', 'key2:audit'] }),
    ).toBe(false);
    expect(holds(condition, {})).toBe(true);
    expect(
      holds(
        { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'a' } },
        { 'aws:TagKeys': ['a', 'b'] },
      ),
    ).toBe(true);
    expect(
      holds(
        { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'a' } },
        { 'aws:TagKeys': ['a'] },
      ),
    ).toBe(false);
  });

  it('matches ARNs component by component with wildcards', () => {
    const role = 'arn:aws:iam::123456789012:role/backstage';
    expect(
      holds(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/back*' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(true);
    expect(
      holds(
        {
          ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/*' },
        },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(true);
    expect(
      holds(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::9*:role/*' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(false);
    // Six components or no match: a trailing `*` does not stand for the rest of the ARN.
    expect(
      holds(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(false);
    expect(
      holds(
        { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(true);
  });

  it('compares numbers and booleans', () => {
    expect(
      holds(
        { NumericLessThanEquals: { 's3:max-keys': '10' } },
        { 's3:max-keys': '9' },
      ),
    ).toBe(true);
    expect(
      holds(
        { NumericGreaterThan: { 's3:max-keys': '10' } },
        { 's3:max-keys': '9' },
      ),
    ).toBe(false);
    expect(
      holds(
        { NumericEquals: { 's3:max-keys': '10' } },
        { 's3:max-keys': 'ten' },
      ),
    ).toBe(false);
    expect(
      holds(
        { Bool: { 'aws:SecureTransport': true } },
        { 'aws:SecureTransport': 'TRUE' },
      ),
    ).toBe(true);
  });

  it('refuses what it cannot decide exactly', () => {
    expect(() =>
      holds({ DateLessThan: { 'aws:CurrentTime': '2030-01-01' } }, {}),
    ).toThrow(/not supported/);
    expect(() => holds({ stringequals: { 'ec2:Vpc': 'x' } }, {})).toThrow(
      /not supported/,
    );
    expect(() =>
      holds({ 'ForAllValues:Null': { 'aws:TagKeys': 'true' } }, {}),
    ).toThrow(/not valid/);
    expect(() =>
      holds({ StringEquals: { 'aws:username': '${aws:username}' } }, {}),
    ).toThrow(/policy variable/);
    expect(() =>
      holds(
        { StringEquals: { 'aws:TagKeys': 'a' } },
        { 'aws:TagKeys': ['a', 'b'] },
      ),
    ).toThrow(/several values/);
  });
});
