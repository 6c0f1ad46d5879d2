import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsClients, createAwsClients } from './aws/clients';
import { createAccountCredentials } from './aws/credentials';
import { InternalApiConfig, readInternalApiConfig } from './config';

/** What every internal-api feature (the actions, the form's lookups) works with. */
export interface InternalApiContext {
  internalApi: InternalApiConfig;
  aws: AwsClients;
}

/** Reads `internalApi` and builds the AWS access from `aws`, the one way every feature does. */
export function createInternalApiContext(options: {
  config: Config;
  logger: LoggerService;
}): InternalApiContext {
  const { config, logger } = options;
  return {
    internalApi: readInternalApiConfig(config),
    aws: createAwsClients({
      credentials: createAccountCredentials({
        config,
        credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
        logger,
      }),
    }),
  };
}
