/**
 * The Internal API card's status call, `GET /api/internal-api/status/…`, for
 * one API in a VPC that holds 1 internal API and in one that holds 20: the
 * plugin's own router (createRouter, as the backend mounts it) on a loopback
 * port, with Backstage's in-memory catalog and mock user credentials in place
 * of the backend's. Cold: the clock moved past the cache first, so AWS is
 * read; cached: the same call again. AWS calls are counted by the recording
 * proxy; the bench fails when a cold read's calls differ between the two VPCs
 * or a cached one reaches AWS.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { backendApi, RecordedCall } from '@internal/aws-sandbox';
import type { InternalApiStatus } from '@internal/plugin-internal-api-common';
import { createRouter } from '@internal/plugin-internal-api-backend';
import {
  createInternalApiContext,
  createUserAccessReader,
} from '@internal/plugin-internal-api-node';
import express from 'express';
import { callsByOperation, startApisInVpc } from './apisInVpc';
import {
  Benchmark,
  elapsedMs,
  median,
  row,
  runsOr,
  silentLogger,
} from './measure';

const SIZES = [1, 20];

type Reading = { calls: RecordedCall[]; ms: number[] };

async function measureStatus(runs: number) {
  const { sandbox, landscape, apis } = await startApisInVpc(SIZES);
  let server: Server | undefined;
  try {
    const config = mockServices.rootConfig({ data: landscape.config });
    let clock = Date.now();
    const context = createInternalApiContext({
      config,
      logger: silentLogger,
      aws: { clientConfig: { maxAttempts: 1 } },
    });
    const router = await createRouter({
      context,
      // The status endpoint decides nothing by who asks; the lookups do.
      readAccess: createUserAccessReader({
        userInfo: mockServices.userInfo(),
        groupParents: async () => new Map(),
        config: context.internalApi.access,
      }),
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock({ entities: [...apis.values()].flat() }),
      config,
      logger: silentLogger,
      now: () => clock,
    });
    server = express().use('/api/internal-api', router).listen(0);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const api = backendApi(
      `http://127.0.0.1:${port}/api/internal-api`,
      mockCredentials.user.header('user:default/bench'),
    );

    const read = async (size: number) => {
      const { name } = apis.get(size)![0].metadata;
      sandbox.proxy.clear();
      let answer: { status: number; body: InternalApiStatus } | undefined;
      const ms = await elapsedMs(async () => {
        answer = await api.get(`/status/component/default/${name}`);
      });
      // A status that is not all present would time a different read.
      const { status, body } = answer!;
      if (status !== 200 || body.drift.length > 0) {
        throw new Error(
          `Status of ${name}: HTTP ${status} ${JSON.stringify(body)}`,
        );
      }
      return {
        ms,
        calls: sandbox.proxy.calls(),
        cacheSeconds: body.cacheSeconds,
      };
    };
    const results = new Map<number, { cold: Reading; cached: Reading }>(
      SIZES.map(size => [
        size,
        { cold: { calls: [], ms: [] }, cached: { calls: [], ms: [] } },
      ]),
    );
    let cacheSeconds = 0;
    const measure = async (size: number, timed: boolean) => {
      const result = results.get(size)!;
      const cold = await read(size);
      const cached = await read(size);
      // Past the cache: the next read of this API asks AWS again.
      cacheSeconds = cold.cacheSeconds;
      clock += cacheSeconds * 1000;
      result.cold.calls = cold.calls;
      result.cached.calls = cached.calls;
      if (timed) {
        result.cold.ms.push(cold.ms);
        result.cached.ms.push(cached.ms);
      }
    };
    // The first read per size loads the SDK's code and opens connections: not timed.
    for (const size of SIZES) {
      await measure(size, false);
    }
    for (let i = 0; i < runs; i++) {
      for (const size of SIZES) {
        await measure(size, true);
      }
    }

    // The properties, not timings: a cold read's calls do not depend on the
    // number of APIs, and a cached read makes none.
    const cold = SIZES.map(size =>
      callsByOperation(results.get(size)!.cold.calls),
    );
    const cachedCalls = SIZES.flatMap(size => results.get(size)!.cached.calls);
    if (new Set(cold).size > 1 || cachedCalls.length > 0) {
      throw new Error(
        `The status call's AWS calls depend on the APIs in the VPC, or a cached read reached AWS:\n${SIZES.map(
          (size, index) => `  ${size} APIs, cold: ${cold[index]}`,
        ).join('\n')}\n  cached: ${callsByOperation(cachedCalls)}`,
      );
    }
    return SIZES.map(size => ({ size, cacheSeconds, ...results.get(size)! }));
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise(resolve => server!.close(resolve));
    }
    await sandbox.stop();
  }
}

export const statusRead: Benchmark = {
  name: 'status',
  title: 'Status call: 1 and 20 APIs in the VPC, cold and cached',
  async run() {
    const runs = runsOr(5);
    const results = await measureStatus(runs);
    return results.flatMap(({ size, cacheSeconds, cold, cached }) => {
      const apis = `${size} API${size > 1 ? 's' : ''} in the VPC`;
      const sts = cold.calls.filter(call => call.service === 'sts');
      const reads = cold.calls.filter(call => call.service !== 'sts');
      return [
        row(
          `status, cold, ${apis}`,
          `${median(cold.ms).toFixed(0)} ms`,
          `p50 of ${runs}, against moto`,
        ),
        row(
          `AWS calls, cold, ${apis}`,
          String(cold.calls.length),
          `writes 0; ${reads.length} reads: ${callsByOperation(reads)}; ` +
            `${sts.length} AssumeRole (sessions are held until near expiry; the untimed first run assumed them)`,
        ),
        row(
          `status, cached, ${apis}`,
          `${median(cached.ms).toFixed(1)} ms`,
          `p50 of ${runs}; 0 AWS calls (the same call again, within the cache's ${cacheSeconds} s)`,
        ),
      ];
    });
  },
};
