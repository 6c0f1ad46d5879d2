import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { countAwsCalls, FailAwsCall, Landscape } from '@internal/aws-sandbox';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';
import { testAccess } from './accessFixture';

/**
 * The module's context for a sandbox landscape, built as module.ts builds it
 * (one attempt per call: moto answers what it lacks with HTTP 500), with
 * every AWS call of its clients counted in `counter`, and the calls
 * `failCall` picks failed as AWS would. The catalog is Backstage's in-memory
 * one (the real filter rules) holding `catalogEntities`; the auditor is
 * Backstage's mock, whose events `auditEvents` reads. Access is decided for
 * the people of TEST_ORG (accessFixture.ts), approvals kept in memory.
 */
export function countedContext(
  landscape: Landscape,
  options: { failCall?: FailAwsCall; catalogEntities?: Entity[] } = {},
) {
  const counter = countAwsCalls(options);
  const context = createInternalApiContext({
    config: new ConfigReader(landscape.config),
    logger: mockServices.logger.mock(),
    aws: { clientConfig: { maxAttempts: 1 }, onClient: counter.onClient },
  });
  const catalog = catalogServiceMock({
    entities: options.catalogEntities ?? [],
  });
  return {
    ...context,
    catalog,
    auth: mockServices.auth(),
    auditor: mockServices.auditor.mock(),
    access: testAccess(context.internalApi.access),
    counter,
  };
}

/** The operations of some counted calls, e.g. `counter.writes()`, in order. */
export const operations = (calls: { operation: string }[]) =>
  calls.map(call => call.operation);
