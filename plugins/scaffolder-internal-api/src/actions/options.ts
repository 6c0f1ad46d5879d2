import type { AwsClients } from '../aws/clients';
import type { InternalApiConfig } from '../config';

/** What every internal-api action factory is built from (module.ts builds these once). */
export interface InternalApiActionsOptions {
  internalApi: InternalApiConfig;
  aws: AwsClients;
}
