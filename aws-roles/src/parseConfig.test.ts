import { parseAwsRolesYaml } from './configFile';
import { AwsRolesConfigError, parseAwsRolesConfig } from './parseConfig';
import { internalApi, rolesConfig } from './__testUtils__/rolesLandscape';

const problemsOf = (awsRoles: unknown, block: unknown) => {
  try {
    parseAwsRolesConfig(awsRoles, block);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsRolesConfigError);
    return (error as AwsRolesConfigError).problems;
  }
  throw new Error('expected the config to be refused');
};

const { internalApi: _landscape, ...awsRoles } = rolesConfig();

describe('parseAwsRolesConfig', () => {
  it('accepts Backstage’s internalApi block as it is, ignoring owners, admins and approval', () => {
    const config = parseAwsRolesConfig(awsRoles, internalApi());
    expect(config.internalApi.workloadAccounts).toHaveLength(2);
    expect(config.externalId).toBe(awsRoles.externalId);
  });

  it('reads awsRoles and internalApi from one YAML file', () => {
    const yaml = `
awsRoles:
  backstagePrincipalArn: arn:aws:iam::123456789012:role/backstage-backend
  externalId: internal-api-7Qm2c9Lr4TzX
internalApi:
  workloadAccounts:
    - { accountId: '444455556666', title: Orders, region: eu-west-1, vpcId: vpc-0a1b2c3d4e5f60718 }
`;
    expect(
      parseAwsRolesYaml(yaml, 'aws-roles.yaml').internalApi.workloadAccounts[0]
        .vpcId,
    ).toBe('vpc-0a1b2c3d4e5f60718');
  });

  it('names the field, the value and the fix of every problem at once', () => {
    expect(
      problemsOf(
        {
          ...awsRoles,
          backstagePrincipalArn: 'backstage',
          externalId: 'x',
          cdkQualifier: 'much-too-long-qualifier',
        },
        internalApi(),
      ),
    ).toEqual([
      expect.stringMatching(
        /^awsRoles\.backstagePrincipalArn: "backstage" is not the ARN of Backstage's IAM role .*; e\.g\. arn:aws:iam::/,
      ),
      expect.stringMatching(
        /^awsRoles\.externalId: "x" is not an STS external id .*aws\.accountDefaults\.externalId/,
      ),
      expect.stringMatching(
        /^awsRoles\.cdkQualifier: "much-too-long-qualifier" is not a CDK bootstrap qualifier.*hnb659fds/,
      ),
    ]);
  });

  it('refuses placeholder and malformed ids in the landscape', () => {
    const block = internalApi();
    block.workloadAccounts[1].vpcId = 'vpc-123';
    block.consumers[0].accountId = '4444';
    block.transitGateway.routeTableId = 'rtb-0123456789abcdef0';
    block.parentZones[0].domain = 'Acme.com.';
    expect(problemsOf(awsRoles, block)).toEqual([
      expect.stringMatching(
        /^internalApi\.workloadAccounts\[1\]\.vpcId: "vpc-123" is not a VPC id; .*vpc-0123456789abcdef0/,
      ),
      expect.stringMatching(
        /^internalApi\.consumers\[0\]\.accountId: "4444" is not a 12-digit AWS account id/,
      ),
      expect.stringMatching(
        /^internalApi\.transitGateway\.routeTableId: "rtb-0123456789abcdef0" is not a transit gateway route table id/,
      ),
      expect.stringMatching(
        /^internalApi\.parentZones\[0\]\.domain: "Acme\.com\." is not a lower-case domain name without a trailing dot/,
      ),
    ]);
  });

  it('refuses a missing internalApi block and missing required fields', () => {
    expect(problemsOf({ externalId: 'internal-api-ext' }, undefined)).toEqual([
      expect.stringMatching(/^awsRoles\.backstagePrincipalArn: missing; /),
      expect.stringMatching(
        /^internalApi: missing is not an object; copy Backstage's internalApi block/,
      ),
    ]);
  });

  it('refuses GitHub settings that would trust the wrong subjects', () => {
    expect(
      problemsOf(
        {
          ...awsRoles,
          github: {
            owner: 'acme',
            repositories: ['acme/orders-api'],
            createOidcProvider: 'yes',
          },
        },
        internalApi(),
      ),
    ).toEqual([
      expect.stringMatching(
        /^awsRoles\.github\.repositories\[0\]: "acme\/orders-api" is not a GitHub repository name without its owner; give the name only/,
      ),
      expect.stringMatching(
        /^awsRoles\.github\.createOidcProvider: "yes" is not true or false/,
      ),
    ]);
    expect(
      problemsOf(
        { ...awsRoles, github: { owner: 'acme', repositories: [] } },
        internalApi(),
      ),
    ).toEqual([
      expect.stringMatching(
        /^awsRoles\.github\.repositories: \[\] is not a non-empty list/,
      ),
    ]);
  });

  it('refuses an account and region, or a consumer name, listed twice', () => {
    const block = internalApi();
    block.workloadAccounts.push({ ...block.workloadAccounts[0] });
    block.consumers.push({ ...block.consumers[0] });
    expect(problemsOf(awsRoles, block)).toEqual([
      expect.stringMatching(
        /^internalApi\.workloadAccounts\[2\]: account 444455556666 in eu-west-1 repeats internalApi\.workloadAccounts\[0\]/,
      ),
      expect.stringMatching(
        /^internalApi\.consumers\[4\]: consumer 'customer-api' repeats internalApi\.consumers\[0\]/,
      ),
    ]);
  });

  it('reports YAML syntax errors with the file', () => {
    expect(() => parseAwsRolesYaml('awsRoles: [', 'roles.yaml')).toThrow(
      /roles\.yaml: not readable YAML/,
    );
  });
});
