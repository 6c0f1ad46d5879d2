import { EC2Client } from '@aws-sdk/client-ec2';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { AccountCredentials } from './credentials';
import type { AwsLocation } from '../config';

/** SDK clients per account (and region). The endpoint comes from AWS_ENDPOINT_URL when set. */
export interface AwsClients {
  ec2(location: AwsLocation, initiator?: string): Promise<EC2Client>;
  /** Route 53 is global; its API lives in us-east-1. */
  route53(accountId: string, initiator?: string): Promise<Route53Client>;
}

export function createAwsClients(options: {
  credentials: AccountCredentials;
  /** Extra SDK settings, e.g. `{ maxAttempts: 1 }` against an emulator. */
  clientConfig?: { maxAttempts?: number };
}): AwsClients {
  const { credentials, clientConfig } = options;
  return {
    async ec2({ accountId, region }, initiator) {
      return new EC2Client({
        ...clientConfig,
        region,
        credentials: await credentials.forAccount(accountId, initiator),
      });
    },
    async route53(accountId, initiator) {
      return new Route53Client({
        ...clientConfig,
        region: 'us-east-1',
        credentials: await credentials.forAccount(accountId, initiator),
      });
    },
  };
}
