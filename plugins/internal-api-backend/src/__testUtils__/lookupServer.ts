import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { backendApi } from '@internal/aws-sandbox';
import {
  createInternalApiContext,
  createUserAccessReader,
  InternalApiContext,
} from '@internal/plugin-internal-api-node';
import express from 'express';
import type { LookupLimits } from '../lookupLimits';
import { createRouter } from '../router';

/**
 * The router alone on a loopback port, with a logger mock to inspect and the
 * limits, clock and group membership a test chooses; AWS is wherever
 * AWS_ENDPOINT_URL points.
 */
export async function startLookupServer(options: {
  config: NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data'];
  limits?: LookupLimits;
  now?: () => number;
  /** Replaces what the context would do with AWS, e.g. to fail in a way AWS never does. */
  aws?: InternalApiContext['aws'];
  /** Where the status reads entities; default an empty in-memory catalog. */
  catalog?: CatalogService;
  /** The groups (refs) a user is a direct member of, as their sign-in says; default none, so only what needs no access works. */
  memberOf?: (userEntityRef: string) => string[];
}) {
  const logger = mockServices.logger.mock();
  const auditor = mockServices.auditor.mock();
  const config = mockServices.rootConfig({ data: options.config });
  const context = createInternalApiContext({ config, logger });
  const router = await createRouter({
    context: { ...context, aws: options.aws ?? context.aws },
    httpAuth: mockServices.httpAuth(),
    readAccess: createUserAccessReader({
      userInfo: {
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(options.memberOf?.(ref) ?? [])],
          };
        },
      },
      groupParents: async () => new Map(),
      config: context.internalApi.access,
    }),
    catalog: options.catalog ?? catalogServiceMock(),
    auditor,
    config,
    logger,
    limits: options.limits,
    now: options.now,
  });
  const server = express().use('/api/internal-api', router).listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  /** Calls a lookup as `user` (an entity ref): GET without a body, POST with one. */
  const call = async (
    route: string,
    body: object | undefined,
    user: string,
  ) => {
    const response = await backendApi(
      `http://127.0.0.1:${port}/api/internal-api`,
      mockCredentials.user.header(user),
    ).call(body ? 'POST' : 'GET', route, body);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: response.body,
    };
  };

  return {
    call,
    logger,
    auditor,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
