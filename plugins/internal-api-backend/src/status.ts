import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  INTERNAL_API_ANNOTATIONS,
  InternalApiStatus,
  parseChangeIdAnnotation,
  parseConsumersAnnotation,
} from '@internal/plugin-internal-api-common';
import {
  InternalApiContext,
  isAwsError,
  readApiStatus,
  StatusRequest,
} from '@internal/plugin-internal-api-node';

/** How long a status is answered from memory unless internalApi.status.cacheSeconds says otherwise. */
export const DEFAULT_STATUS_CACHE_SECONDS = 30;

// The annotations the status cannot do without; consumers may be absent (none routed).
const REQUIRED = [
  ['accountId', INTERNAL_API_ANNOTATIONS.accountId],
  ['region', INTERNAL_API_ANNOTATIONS.region],
  ['vpcId', INTERNAL_API_ANNOTATIONS.vpcId],
  ['domain', INTERNAL_API_ANNOTATIONS.domain],
  ['hostedZoneId', INTERNAL_API_ANNOTATIONS.hostedZoneId],
] as const;

/** What the status reads, from the entity's annotations; refuses naming every missing one. */
export function statusRequestOf(entity: Entity): StatusRequest {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  const missing = REQUIRED.filter(
    ([, annotation]) => !annotations[annotation]?.trim(),
  ).map(([, annotation]) => annotation);
  if (missing.length > 0) {
    throw new InputError(
      `${entityRef} is not an internal API the status can read: it lacks the annotation${
        missing.length === 1 ? '' : 's'
      } ${missing.join(', ')}. ` +
        'The Internal Fargate API template writes them into catalog-info.yaml; add them there.',
    );
  }
  const value = (annotation: string) => annotations[annotation].trim();
  const changeAnnotation =
    annotations[INTERNAL_API_ANNOTATIONS.delegationChange];
  const delegationChangeId = parseChangeIdAnnotation(changeAnnotation);
  if (changeAnnotation?.trim() && !delegationChangeId) {
    // Never sent to AWS: an annotation is text anyone with the repository can write.
    throw new InputError(
      `${entityRef}'s annotation ${INTERNAL_API_ANNOTATIONS.delegationChange} is '${changeAnnotation}', ` +
        'not a Route 53 change id (C and upper-case letters and digits, as the Internal Fargate API template writes it). ' +
        'Correct it or remove it from catalog-info.yaml.',
    );
  }
  return {
    entityRef,
    apiName: entity.metadata.name,
    ...(Object.fromEntries(
      REQUIRED.map(([field, annotation]) => [field, value(annotation)]),
    ) as Record<(typeof REQUIRED)[number][0], string>),
    consumers: parseConsumersAnnotation(
      annotations[INTERNAL_API_ANNOTATIONS.consumers],
    ),
    ...(delegationChangeId ? { delegationChangeId } : {}),
  };
}

type Cached = { at: number; status: Promise<InternalApiStatus> };

/**
 * Reads an internal API's status. The entity is read with the caller's
 * credentials every time (a user who cannot see it gets 404, even while its
 * status is cached); AWS is read at most once per entity (and annotations)
 * per `cacheSeconds`, and concurrent page views share one read.
 */
export function createStatusReader(options: {
  context: InternalApiContext;
  catalog: CatalogService;
  logger: LoggerService;
  cacheSeconds: number;
  now?: () => number;
}) {
  const { context, catalog, logger, cacheSeconds } = options;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Cached>();

  const forget = (at: number) => {
    for (const [key, entry] of cache) {
      if (at - entry.at >= cacheSeconds * 1000) {
        cache.delete(key);
      }
    }
  };

  const readAws = async (
    request: StatusRequest,
    initiator: string,
  ): Promise<InternalApiStatus> => {
    const checkedAt = new Date(now()).toISOString();
    try {
      const reading = await context.aws.withClients(initiator, clients =>
        readApiStatus(context.internalApi, clients, request),
      );
      return { ...reading, checkedAt, cacheSeconds };
    } catch (error) {
      if (!isAwsError(error)) {
        throw error;
      }
      // Role ARNs and account ids stay in the backend log.
      logger.warn(
        `AWS could not be asked for the status of ${request.entityRef} for ${initiator}`,
        isError(error) ? error : { error: String(error) },
      );
      throw new ServiceUnavailableError(
        `AWS could not be asked for the status of ${request.entityRef}. Try again; if it persists, the platform team ` +
          "should check the backend's AWS access (details are in the backend log).",
      );
    }
  };

  return async function readStatus(
    ref: { kind: string; namespace: string; name: string },
    caller: { credentials: BackstageCredentials; userEntityRef: string },
  ): Promise<InternalApiStatus> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: caller.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`${entityRef} was not found in the catalog.`);
    }
    const request = statusRequestOf(entity);
    const key = JSON.stringify(request);
    const at = now();
    forget(at);
    const cached = cache.get(key);
    if (cached) {
      return cached.status;
    }
    const status = readAws(request, caller.userEntityRef);
    cache.set(key, { at, status });
    // A failed read is not kept: the next page view asks AWS again.
    status.catch(() => {
      if (cache.get(key)?.status === status) {
        cache.delete(key);
      }
    });
    return status;
  };
}
