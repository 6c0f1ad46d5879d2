import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type {
  HttpAuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  InternalApiContext,
  listConsumerNetworks,
  previewPlacement,
  SubnetFilter,
  withDelegationPlan,
} from '@internal/plugin-scaffolder-backend-module-internal-api';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  createLookupLimiter,
  DEFAULT_LOOKUP_LIMITS,
  LookupLimits,
  TooManyLookupsError,
} from './lookupLimits';

export interface RouterOptions {
  context: InternalApiContext;
  httpAuth: HttpAuthService;
  config: RootConfigService;
  logger: LoggerService;
  /** Default {@link DEFAULT_LOOKUP_LIMITS}; tests pass small ones. */
  limits?: LookupLimits;
  /** The clock of the limits, for tests. */
  now?: () => number;
}

function stringField(body: any, field: string): string {
  const value = body?.[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(`${field} must be a non-empty string`);
  }
  return value;
}

function subnetFiltersField(body: any): SubnetFilter[] {
  const filters = body?.subnetFilters ?? [];
  const wellFormed =
    Array.isArray(filters) &&
    filters.every(
      filter =>
        typeof filter?.name === 'string' &&
        Array.isArray(filter.values) &&
        filter.values.every((value: unknown) => typeof value === 'string'),
    );
  if (!wellFormed) {
    throw new InputError(
      'subnetFilters must be a list of { name: string, values: string[] }',
    );
  }
  return filters;
}

/**
 * Runs a lookup. A refusal of the values (InputError) is the lookup's answer,
 * returned as `problems` for the form to show; anything else means AWS could
 * not be asked, and becomes a 503 that says what to do. The AWS error (role
 * ARNs, account ids) goes to the backend log only, never to the browser.
 */
async function askAws<T>(
  what: string,
  user: string,
  logger: LoggerService,
  fn: () => Promise<T>,
): Promise<T | { problems: string[] }> {
  try {
    return await fn();
  } catch (error) {
    if (isError(error) && error.name === 'InputError') {
      return { problems: [error.message] };
    }
    logger.warn(
      `AWS could not be asked for ${what} for ${user}`,
      isError(error) ? error : { error: String(error) },
    );
    throw new ServiceUnavailableError(
      `AWS could not be asked for ${what}. Try again; if it persists, the platform team should ` +
        "check the backend's AWS access (details are in the backend log).",
    );
  }
}

/**
 * The form's lookups. Each needs a signed-in user, whose entity ref names the
 * session of any role assumed on their behalf, and reads AWS only. The form
 * looks up as the user types, so each user's lookups that reach AWS are
 * bounded, and identical ones are answered from memory for a short while.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { context, httpAuth, logger } = options;
  const router = Router();
  router.use(express.json());
  const limiter = createLookupLimiter(
    options.limits ?? DEFAULT_LOOKUP_LIMITS,
    options.now,
  );

  const userRef = async (req: Request) =>
    (await httpAuth.credentials(req, { allow: ['user'] })).principal
      .userEntityRef;

  /** `request`: the fields the lookup reads, which identify an identical one. */
  const lookup = <T>(
    req: Request,
    user: string,
    what: string,
    request: unknown,
    fn: () => Promise<T>,
  ) =>
    limiter.run(user, JSON.stringify([req.path, request]), () =>
      askAws(what, user, logger, fn),
    );

  router.get('/accounts', async (req, res) => {
    await userRef(req);
    res.json({
      items: context.internalApi.workloadAccounts.map(account => ({
        accountId: account.accountId,
        title: account.title,
        region: account.region,
        vpcId: account.vpcId,
      })),
    });
  });

  router.get('/parent-domains', async (req, res) => {
    await userRef(req);
    res.json({
      items: context.internalApi.parentZones.map(zone => zone.domain),
    });
  });

  router.get('/consumers', async (req, res) => {
    const initiator = await userRef(req);
    res.json({
      items: await lookup(req, initiator, 'the consumer networks', {}, () =>
        listConsumerNetworks(context, initiator),
      ),
    });
  });

  router.post('/placement/preview', async (req, res) => {
    const initiator = await userRef(req);
    const { accountId, region, subnetFilters } = req.body ?? {};
    res.json(
      await lookup(
        req,
        initiator,
        'the subnets',
        { accountId, region, subnetFilters },
        async () =>
          previewPlacement({
            ...context,
            accountId: stringField(req.body, 'accountId'),
            region: stringField(req.body, 'region'),
            subnetFilters: subnetFiltersField(req.body),
            initiator,
          }),
      ),
    );
  });

  router.post('/domain/check', async (req, res) => {
    const initiator = await userRef(req);
    const { domainName, accountId } = req.body ?? {};
    res.json(
      await lookup(
        req,
        initiator,
        'the hosted zones',
        { domainName, accountId },
        () =>
          withDelegationPlan(
            {
              ...context,
              domainName: stringField(req.body, 'domainName'),
              accountId: stringField(req.body, 'accountId'),
              initiator,
            },
            async plan => ({
              domainName: plan.domain,
              parentDomain: plan.parent.domain,
              changes: plan.changes,
              problems: [],
            }),
          ),
      ),
    );
  });

  router.use(
    (error: Error, _req: Request, res: Response, next: NextFunction) => {
      if (error instanceof TooManyLookupsError) {
        res.set('Retry-After', String(error.retryAfterSeconds));
      }
      next(error);
    },
  );
  router.use(MiddlewareFactory.create(options).error());
  return router;
}
