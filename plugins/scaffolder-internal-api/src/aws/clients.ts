import { EC2Client } from '@aws-sdk/client-ec2';
import type { AccountCredentials } from './credentials';
import type { AwsLocation } from '../config';

/** SDK clients per account and region. The endpoint comes from AWS_ENDPOINT_URL when set. */
export interface AwsClients {
  ec2(location: AwsLocation, initiator?: string): Promise<EC2Client>;
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
  };
}
