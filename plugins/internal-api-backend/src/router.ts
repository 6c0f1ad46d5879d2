import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { isError, ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ConsumerOption,
  DomainCheckResponse,
  inputProperties,
  LookupList,
  LookupRefusal,
  PlacementPreviewResponse,
  WorkloadAccountList,
} from '@internal/plugin-internal-api-common';
import {
  InternalApiContext,
  isAwsError,
  listConsumerNetworks,
  planDelegation,
  planPlacement,
  UserAccessReader,
} from '@internal/plugin-internal-api-node';
import express, { NextFunction, Request, Response } from 'express';
import { z, ZodError, ZodIssue } from 'zod/v3';
import Router from 'express-promise-router';
import {
  createLookupLimiter,
  DEFAULT_LOOKUP_LIMITS,
  LookupLimits,
  TooManyLookupsError,
} from './lookupLimits';
import { createStatusReader, DEFAULT_STATUS_CACHE_SECONDS } from './status';
import { accountsFor, assertMayCreateIn, consumerChoices } from './access';
import { readCurrentConsumers } from './currentConsumers';

export interface RouterOptions {
  context: InternalApiContext;
  httpAuth: HttpAuthService;
  config: RootConfigService;
  logger: LoggerService;
  /** What the signed-in user may use: the lookups list and read only that. */
  readAccess: UserAccessReader;
  /** Where a lookup refused for the user's access is reported (`internal-api-refusal`, as the actions' refusals). */
  auditor: AuditorService;
  /** Reads the entity whose status (or current consumers) is asked for, with the caller's credentials. */
  catalog: CatalogService;
  /** Default {@link DEFAULT_LOOKUP_LIMITS}; tests pass small ones. */
  limits?: LookupLimits;
  /** The clock of the limits and the status cache, for tests. */
  now?: () => number;
}

// Request bodies, validated with the actions' own input fragments: a value
// the form may send is one the task would accept.
const placementPreviewBody = z.object({
  accountId: inputProperties.accountId(z),
  region: inputProperties.region(z),
  subnetFilters: inputProperties.subnetFilters(z),
});
const domainCheckBody = z.object({
  accountId: inputProperties.accountId(z),
  domainName: inputProperties.domainName(z),
  // Optional: the form may not have the API's name yet. Without it a zone
  // another API created is reported (zoneOwner), not refused; the task,
  // which always has the name, refuses it.
  apiName: inputProperties.apiName(z).optional(),
});

/** `subnetFilters[0].values: Expected array, received string` */
const describeIssue = (issue: ZodIssue) => {
  const field = issue.path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${part}`,
    )
    .join('');
  return issue.code === 'invalid_type' && issue.received === 'undefined'
    ? `${field} is required`
    : `${field}: ${issue.message}`;
};

/**
 * Runs a lookup. A refusal of the values (a malformed body, or the action's
 * own InputError) is the lookup's answer, returned as `problems` for the form
 * to show; an AWS error means AWS could not be asked, and becomes a 503 that
 * says what to do. The AWS error (role ARNs, account ids) goes to the backend
 * log only, never to the browser. Anything else is our bug: a 500.
 */
async function askAws<T>(
  what: string,
  user: string,
  logger: LoggerService,
  fn: () => Promise<T>,
): Promise<T | LookupRefusal> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ZodError) {
      return { problems: error.issues.map(describeIssue) };
    }
    if (isError(error) && error.name === 'InputError') {
      return { problems: [error.message] };
    }
    if (!isAwsError(error)) {
      throw error;
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
 * The form's lookups. Each needs a signed-in user (service principals are
 * refused, as before access rules: no backend needs the form's lookups),
 * whose entity ref names the session of any role assumed on their behalf, and
 * reads AWS only. They list only the accounts and consumers the user may use,
 * and refuse to read AWS in an account the user may not create in. The form
 * looks up as the user types, so each user's lookups that reach AWS are
 * bounded, and identical ones are answered from memory for a short while.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { context, httpAuth, logger, readAccess, catalog } = options;
  const { internalApi, aws } = context;
  const router = Router();
  router.use(express.json());
  const limiter = createLookupLimiter(
    options.limits ?? DEFAULT_LOOKUP_LIMITS,
    options.now,
  );

  const userCredentials = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user'] });
  const userRef = async (req: Request) =>
    (await userCredentials(req)).principal.userEntityRef;
  const userAccess = async (req: Request) => {
    const credentials = await userCredentials(req);
    const access = await readAccess(credentials);
    return { credentials, access, user: credentials.principal.userEntityRef };
  };
  /** The lookups that read AWS in an account refuse one the user may not create in first: no AWS call, no lookup used up. */
  const userMayCreateIn = async (req: Request, accountId: unknown) => {
    const { access, user } = await userAccess(req);
    try {
      assertMayCreateIn(access, accountId);
    } catch (error) {
      const event = await options.auditor.createEvent({
        eventId: 'internal-api-refusal',
        severityLevel: 'low',
        request: req,
        meta: {
          initiator: user,
          lookup: req.path,
          accountId: String(accountId),
        },
      });
      await event.fail({ error: error as Error });
      throw error;
    }
    return user;
  };

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
    const { access } = await userAccess(req);
    const accounts: WorkloadAccountList = accountsFor(
      access,
      internalApi.workloadAccounts,
    );
    res.json(accounts);
  });

  router.get('/parent-domains', async (req, res) => {
    await userRef(req);
    res.json({
      items: internalApi.parentZones.map(zone => zone.domain),
    });
  });

  router.get('/consumers', async (req, res) => {
    const { credentials, access, user } = await userAccess(req);
    const choices = consumerChoices(
      access,
      internalApi.consumers,
      await readCurrentConsumers(catalog, req.query.currentOf, credentials),
    );
    // Only the offered consumers' VPCs are read; their names key the answer kept in memory.
    const offered = internalApi.consumers.filter(c => choices.has(c.name));
    const facts = await lookup(
      req,
      user,
      'the consumer networks',
      offered.map(c => c.name),
      () =>
        aws.withClients(user, clients =>
          listConsumerNetworks({ ...internalApi, consumers: offered }, clients),
        ),
    );
    // askAws's `problems` refusal, which listing consumers never gives today, passes through as it is.
    if (!Array.isArray(facts)) {
      res.json(facts);
      return;
    }
    const consumers: LookupList<ConsumerOption> = {
      items: facts.map(fact => ({ ...fact, ...choices.get(fact.name)! })),
    };
    res.json(consumers);
  });

  router.post('/placement/preview', async (req, res) => {
    const { accountId, region, subnetFilters } = req.body ?? {};
    const initiator = await userMayCreateIn(req, accountId);
    const preview: PlacementPreviewResponse = await lookup(
      req,
      initiator,
      'the subnets',
      { accountId, region, subnetFilters },
      async () => {
        const request = placementPreviewBody.parse(req.body ?? {});
        return aws.withClients(initiator, clients =>
          planPlacement(internalApi, clients, request),
        );
      },
    );
    res.json(preview);
  });

  router.post('/domain/check', async (req, res) => {
    const { domainName, accountId, apiName } = req.body ?? {};
    const initiator = await userMayCreateIn(req, accountId);
    const check: DomainCheckResponse = await lookup(
      req,
      initiator,
      'the hosted zones',
      { domainName, accountId, apiName },
      async () => {
        const request = domainCheckBody.parse(req.body ?? {});
        const plan = await aws.withClients(initiator, clients =>
          planDelegation(internalApi, clients, request),
        );
        return {
          domainName: plan.domain,
          parentDomain: plan.parent.domain,
          changes: plan.changes,
          zoneOwner: plan.zoneOwner,
          problems: [] as [],
        };
      },
    );
    res.json(check);
  });

  const readStatus = createStatusReader({
    context,
    catalog,
    logger,
    cacheSeconds:
      options.config.getOptionalNumber('internalApi.status.cacheSeconds') ??
      DEFAULT_STATUS_CACHE_SECONDS,
    now: options.now,
  });

  // The entity card's status: one request per page view, cached per entity.
  router.get('/status/:kind/:namespace/:name', async (req, res) => {
    const credentials = await userCredentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await readStatus(
        { kind, namespace, name },
        { credentials, userEntityRef: credentials.principal.userEntityRef },
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
