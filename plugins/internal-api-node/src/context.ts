import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsAccess, AwsAccessOptions, createAwsAccess } from './aws/access';
import { createAccountCredentials } from './aws/credentials';
import { InternalApiConfig, readInternalApiConfig } from './config';

/** What every internal-api feature (the actions, the form's lookups) works with. */
export interface InternalApiContext {
  internalApi: InternalApiConfig;
  aws: AwsAccess;
}

/** Reads `internalApi` and builds the AWS access from `aws`, the one way every feature does. */
export function createInternalApiContext(options: {
  config: Config;
  logger: LoggerService;
  /** SDK settings and a hook on every client opened; tests count calls with it. */
  aws?: AwsAccessOptions;
}): InternalApiContext {
  const { config, logger } = options;
  return {
    internalApi: readInternalApiConfig(config),
    aws: createAwsAccess({
      ...options.aws,
      credentials: createAccountCredentials({
        config,
        credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
        logger,
      }),
    }),
  };
}
