/**
 * AWS calls as the recording proxy records them (`AwsRequest`), built by
 * hand for tests and for the hijack cases.
 */
import type { AwsRequest } from '@internal/aws-sandbox';

/** Who signs: a session of this role (`arn:aws:sts::<account>:assumed-role/<role>/backstage-task`). */
export interface Signer {
  accountId: string;
  roleName: string;
}

export const sessionOf = (accountId: string, roleName: string) =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/backstage-task`;

/** An EC2 Query API call as the recording proxy records it. */
export function ec2Request(
  signer: Signer,
  region: string,
  params: Record<string, string>,
): AwsRequest {
  const dryRun = params.DryRun === 'true';
  return {
    service: 'ec2',
    operation: dryRun ? `${params.Action} (dry run)` : params.Action,
    write: !dryRun && !/^(Describe|Get|Search)/.test(params.Action),
    accountId: signer.accountId,
    principalArn: sessionOf(signer.accountId, signer.roleName),
    region,
    params: { Version: '2016-11-15', ...params },
    method: 'POST',
    path: '/',
    body: '',
    status: 200,
  };
}

/** A ChangeResourceRecordSets body with one `<Change>` per [action, name, type]. */
export function changeBatchXml(
  changes: Array<[string, string, string]>,
): string {
  const items = changes
    .map(
      ([action, name, type]) =>
        `<Change><Action>${action}</Action><ResourceRecordSet><Name>${name}</Name><Type>${type}</Type>` +
        '<TTL>3600</TTL><ResourceRecords><ResourceRecord><Value>ns-1.awsdns-00.com.</Value>' +
        '</ResourceRecord></ResourceRecords></ResourceRecordSet></Change>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
    `<ChangeBatch><Changes>${items}</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`
  );
}

/** A Route 53 REST call as the recording proxy records it. */
export function route53Request(
  signer: Signer,
  operation: string,
  method: string,
  path: string,
  body = '',
): AwsRequest {
  return {
    service: 'route53',
    operation,
    write: method !== 'GET',
    accountId: signer.accountId,
    principalArn: sessionOf(signer.accountId, signer.roleName),
    region: 'us-east-1',
    params: {},
    method,
    path: `/2013-04-01${path}`,
    body,
    status: 200,
  };
}

/** An STS AssumeRole call signed by `principalArn` (a user, or a role session for role chaining). */
export function assumeRoleRequest(
  principalArn: string,
  region: string,
  roleArn: string,
  sessionName: string,
  extraParams: Record<string, string> = {},
): AwsRequest {
  return {
    service: 'sts',
    operation: 'AssumeRole',
    write: false,
    accountId: principalArn.split(':')[4],
    principalArn,
    region,
    params: {
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: roleArn,
      RoleSessionName: sessionName,
      ...extraParams,
    },
    method: 'POST',
    path: '/',
    body: '',
    status: 200,
  };
}
