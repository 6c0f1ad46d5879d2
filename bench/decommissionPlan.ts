/**
 * The decommission template's check steps against moto: `checkRoutes`
 * (internal-api:tgw:deregister-routes with decommission and planOnly: the
 * catalog's claims, the plan, a permission dry run per planned removal),
 * then `checkDns` (internal-api:dns:undelegate with planOnly), for one API in
 * a VPC that holds 1 internal API and in one that holds 20. AWS calls are
 * counted by the recording proxy. The reads must not grow with the number
 * of APIs: the bench fails when they differ between the two VPCs.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { RecordedCall } from '@internal/aws-sandbox';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';
import {
  createDeregisterRoutesAction,
  createUndelegateSubdomainAction,
} from '@internal/plugin-scaffolder-backend-module-internal-api';
import { callsByOperation, CONSUMERS, startApisInVpc } from './apisInVpc';
import {
  Benchmark,
  elapsedMs,
  median,
  row,
  runsOr,
  silentAuditor,
  silentLogger,
} from './measure';
import { benchAccess, runActionHandler } from './runAction';

const SIZES = [1, 20];

const isDryRun = (call: RecordedCall) => call.operation.endsWith('(dry run)');

/**
 * What a check must conclude, or the timing measures the wrong thing: nothing
 * written; alone in its VPC every route register made is planned for
 * removal, beside 19 others each is kept for them; the NS record and the
 * zone planned.
 */
function verify(
  size: number,
  outputs: { routes: any[]; dns: any[] },
  calls: RecordedCall[],
) {
  const problems: string[] = [];
  const writes = calls.filter(call => call.write);
  if (writes.length > 0) {
    problems.push(`wrote ${callsByOperation(writes)}`);
  }
  // `absent`: the main table the public subnets use, which register never wrote.
  const expected = size === 1 ? 'planned' : 'kept';
  const other = outputs.routes.filter(
    route =>
      route.status !== 'absent' &&
      (route.status !== expected ||
        (expected === 'kept' && route.neededBy?.length !== size - 1)),
  );
  if (
    !outputs.routes.some(route => route.status === expected) ||
    other.length > 0
  ) {
    problems.push(
      `expected every route ${expected} or absent, got ${JSON.stringify(
        other,
      )}`,
    );
  }
  if (outputs.dns.some(change => change.status !== 'planned')) {
    problems.push(`DNS changes: ${JSON.stringify(outputs.dns)}`);
  }
  if (problems.length > 0) {
    throw new Error(`Decommission check, ${size} APIs: ${problems.join('; ')}`);
  }
}

async function measureDecommission(runs: number) {
  const { sandbox, landscape, apis } = await startApisInVpc(SIZES);
  try {
    const context = createInternalApiContext({
      config: new ConfigReader(landscape.config),
      logger: silentLogger,
      aws: { clientConfig: { maxAttempts: 1 } },
    });
    // Backstage's in-memory catalog (its real filter rules) holding every API.
    const catalog = catalogServiceMock({ entities: [...apis.values()].flat() });
    const catalogAccess = {
      ...benchAccess(context.internalApi, catalog),
      auditor: silentAuditor,
    };
    const checkRoutes = createDeregisterRoutesAction({
      ...context,
      ...catalogAccess,
    });
    const checkDns = createUndelegateSubdomainAction({
      ...context,
      ...catalogAccess,
    });

    // The template's two check steps, on the inputs it reads from the entity.
    const check = async (api: Entity) => {
      const annotation = (name: keyof typeof INTERNAL_API_ANNOTATIONS) =>
        api.metadata.annotations![INTERNAL_API_ANNOTATIONS[name]];
      const routes = await runActionHandler(checkRoutes, {
        accountId: annotation('accountId'),
        region: annotation('region'),
        vpcId: annotation('vpcId'),
        consumers: CONSUMERS,
        entityRef: stringifyEntityRef(api),
        decommission: true,
        planOnly: true,
      });
      const dns = await runActionHandler(checkDns, {
        domainName: annotation('domain'),
        accountId: annotation('accountId'),
        apiName: api.metadata.name,
        planOnly: true,
      });
      return { routes: routes.routes, dns: dns.changes };
    };

    const results = new Map(
      SIZES.map(size => [
        size,
        { calls: [] as RecordedCall[], ms: [] as number[] },
      ]),
    );
    const measure = async (size: number) => {
      const result = results.get(size)!;
      sandbox.proxy.clear();
      let outputs: Awaited<ReturnType<typeof check>> | undefined;
      const ms = await elapsedMs(async () => {
        outputs = await check(apis.get(size)![0]);
      });
      result.calls = sandbox.proxy.calls();
      verify(size, outputs!, result.calls);
      return ms;
    };
    // The first check per size loads the SDK's code and opens connections: not timed.
    for (const size of SIZES) {
      await measure(size);
    }
    // Sizes alternate so that machine noise spreads over both.
    for (let i = 0; i < runs; i++) {
      for (const size of SIZES) {
        results.get(size)!.ms.push(await measure(size));
      }
    }

    // The property, not a timing: the reads do not depend on the number of APIs.
    const reads = SIZES.map(size =>
      callsByOperation(results.get(size)!.calls.filter(c => !isDryRun(c))),
    );
    if (new Set(reads).size > 1) {
      throw new Error(
        `The decommission check's AWS reads grow with the APIs in the VPC:\n${SIZES.map(
          (size, index) => `  ${size} APIs: ${reads[index]}`,
        ).join('\n')}`,
      );
    }
    return SIZES.map(size => ({ size, ...results.get(size)! }));
  } finally {
    await sandbox.stop();
  }
}

export const decommissionPlan: Benchmark = {
  name: 'decommission',
  title: 'Decommission check: 1 and 20 APIs in the VPC',
  async run() {
    const runs = runsOr(5);
    const results = await measureDecommission(runs);
    return results.flatMap(({ size, calls, ms }) => {
      const apis = `${size} API${size > 1 ? 's' : ''} in the VPC`;
      const sts = calls.filter(call => call.service === 'sts');
      const reads = calls.filter(
        call => call.service !== 'sts' && !isDryRun(call),
      );
      const dryRuns = calls.filter(isDryRun);
      return [
        row(
          `check steps (routes, DNS), ${apis}`,
          `${median(ms).toFixed(0)} ms`,
          `p50 of ${runs}, against moto`,
        ),
        row(
          `AWS calls, ${apis}`,
          String(calls.length),
          `writes 0; ${reads.length} reads: ${callsByOperation(reads)}; ` +
            `${sts.length} AssumeRole (sessions are held until near expiry; the untimed first run assumed them); ${dryRuns.length} permission dry runs` +
            (dryRuns.length > 0
              ? `, one per planned removal: ${callsByOperation(dryRuns)}`
              : `: every route kept, needed by the ${size - 1} other APIs`),
        ),
      ];
    });
  },
};
