import { rolesInTemplate } from './templateRoles';

const join = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
const partition = { Ref: 'AWS::Partition' };
const account = { Ref: 'AWS::AccountId' };
const document = (resource: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }],
});

// A template as CDK renders it for a stack without a concrete environment.
const template = {
  Resources: {
    Boundary: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        ManagedPolicyName: 'internal-api-deploy-boundary',
        PolicyDocument: document('*'),
      },
    },
    Reads: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        ManagedPolicyName: 'reads',
        PolicyDocument: document(
          join('arn:', partition, ':s3:::logs-', { Ref: 'AWS::Region' }, '/*'),
        ),
      },
    },
    Attached: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        ManagedPolicyName: 'attached',
        Roles: [{ Ref: 'Task' }],
        PolicyDocument: document(
          join('https://s3.', { Ref: 'AWS::URLSuffix' }),
        ),
      },
    },
    Default: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'default',
        Roles: [{ Ref: 'Task' }],
        PolicyDocument: document({ 'Fn::GetAtt': ['Reads', 'PolicyArn'] }),
      },
    },
    Task: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'task',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: {
                AWS: join('arn:', partition, ':iam::', account, ':root'),
              },
            },
          ],
        },
        Policies: [
          {
            PolicyName: 'inline',
            PolicyDocument: document({ 'Fn::GetAtt': ['Task', 'Arn'] }),
          },
        ],
        ManagedPolicyArns: [{ Ref: 'Reads' }],
        PermissionsBoundary: { Ref: 'Boundary' },
      },
    },
  },
};

describe('rolesInTemplate', () => {
  const [task] = rolesInTemplate(template, {
    accountId: '444455556666',
    region: 'cn-north-1',
  });
  const resourceOf = (name: string) =>
    task.policies.find(p => p.name === name)!.document.Statement[0].Resource;

  it('resolves pseudo parameters for the partition of the region', () => {
    expect(task.trustPolicy.Statement[0].Principal).toEqual({
      AWS: 'arn:aws-cn:iam::444455556666:root',
    });
    expect(resourceOf('reads')).toBe('arn:aws-cn:s3:::logs-cn-north-1/*');
    expect(resourceOf('attached')).toBe('https://s3.amazonaws.com.cn');
  });

  it('collects inline, attached and referenced policies, and resolves ARNs of the template’s resources', () => {
    expect(task.policies.map(p => p.name).sort()).toEqual([
      'attached',
      'default',
      'inline',
      'reads',
    ]);
    expect(resourceOf('inline')).toBe('arn:aws-cn:iam::444455556666:role/task');
    expect(resourceOf('default')).toBe(
      'arn:aws-cn:iam::444455556666:policy/reads',
    );
  });

  it('returns the boundary’s document', () => {
    expect(task.permissionsBoundary).toEqual(document('*'));
  });

  it('names an intrinsic it cannot resolve', () => {
    const broken = structuredClone(template);
    broken.Resources.Reads.Properties.PolicyDocument = document({
      'Fn::Sub': '${Bucket}',
    }) as any;
    expect(() =>
      rolesInTemplate(broken, {
        accountId: '444455556666',
        region: 'eu-west-1',
      }),
    ).toThrow(/No rule for Fn::Sub/);
  });
});
