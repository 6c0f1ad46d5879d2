import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createInternalApiContext } from '@internal/plugin-scaffolder-backend-module-internal-api';
import express from 'express';
import type { LookupLimits } from '../lookupLimits';
import { createRouter } from '../router';

/**
 * The router alone on a loopback port, with a logger mock to inspect and the
 * limits and clock a test chooses; AWS is wherever AWS_ENDPOINT_URL points.
 */
export async function startLookupServer(options: {
  config: NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data'];
  limits?: LookupLimits;
  now?: () => number;
}) {
  const logger = mockServices.logger.mock();
  const config = mockServices.rootConfig({ data: options.config });
  const router = await createRouter({
    context: createInternalApiContext({ config, logger }),
    httpAuth: mockServices.httpAuth(),
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
    const response = await fetch(
      `http://127.0.0.1:${port}/api/internal-api${route}`,
      {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: mockCredentials.user.header(user),
          'content-type': 'application/json',
        },
        body: body && JSON.stringify(body),
      },
    );
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };

  return {
    call,
    logger,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
