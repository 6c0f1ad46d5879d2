import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { countAwsCalls, FailAwsCall, Landscape } from '@internal/aws-sandbox';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';

/**
 * The module's context for a sandbox landscape, built as module.ts builds it
 * (one attempt per call: moto answers what it lacks with HTTP 500), with
 * every AWS call of its clients counted in `counter`, and the calls
 * `failCall` picks failed as AWS would.
 */
export function countedContext(
  landscape: Landscape,
  options: { failCall?: FailAwsCall } = {},
) {
  const counter = countAwsCalls(options);
  const context = createInternalApiContext({
    config: new ConfigReader(landscape.config),
    logger: mockServices.logger.mock(),
    aws: { clientConfig: { maxAttempts: 1 }, onClient: counter.onClient },
  });
  return { ...context, counter };
}

/** The operations of some counted calls, e.g. `counter.writes()`, in order. */
export const operations = (calls: { operation: string }[]) =>
  calls.map(call => call.operation);
