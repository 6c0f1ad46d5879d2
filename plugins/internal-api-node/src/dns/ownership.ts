import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  API_NAME,
  API_NAME_MAX_LENGTH,
  INTERNAL_API_ANNOTATIONS,
} from '@internal/plugin-internal-api-common';

// Who owns a name. Two sources say it, both pure data here: the zone's mark
// (its caller reference, which Route 53 keeps for the zone's life) and the
// catalog entities that annotate the domain (the action asks the catalog).

/** Starts the caller reference of every zone internal-api:dns:delegate creates. */
export const ZONE_MARK_PREFIX = 'internal-api/';

/** Route 53's limit on a CallerReference. */
const CALLER_REFERENCE_MAX_LENGTH = 128;

/**
 * What the task id may take of the mark: 128 - 13 (prefix) - 63 (longest
 * name) - 1 ('/') = 51. A scaffolder task id is a UUID (36 characters).
 */
const TASK_PART_MAX_LENGTH =
  CALLER_REFERENCE_MAX_LENGTH -
  ZONE_MARK_PREFIX.length -
  API_NAME_MAX_LENGTH -
  1;

const TASK_PART = /^[A-Za-z0-9-]+$/;

/** Lower-cased (the catalog compares names without case); refuses anything that is not a catalog name. */
export function normalizeApiName(field: string, value: string): string {
  if (value.length > API_NAME_MAX_LENGTH || !API_NAME[0].test(value)) {
    throw new InputError(
      `${field} '${value}' ${API_NAME[1]}, at most ${API_NAME_MAX_LENGTH} characters. ` +
        "Pass the Component's name, e.g. ${{ parameters.name }}.",
    );
  }
  return value.toLowerCase();
}

/**
 * The caller reference of the zone an API's task creates:
 * `internal-api/<api name>/<task id>`. It names the owning API, and it is the
 * same on every retry of one task, so a lost answer and a retry cannot create
 * a second zone (Route 53 refuses a reference twice). A task id that is not a
 * short UUID-like string is replaced by its hash, so the mark always fits.
 */
export function zoneMark(apiName: string, taskId: string): string {
  const task =
    TASK_PART.test(taskId) && taskId.length <= TASK_PART_MAX_LENGTH
      ? taskId
      : createHash('sha256').update(taskId).digest('hex').slice(0, 40);
  return `${ZONE_MARK_PREFIX}${normalizeApiName('apiName', apiName)}/${task}`;
}

/**
 * The API a zone's caller reference names, or undefined when it names none:
 * the zone was created outside the action, or by a version of it that did not
 * record the API (`internal-api/<task id>/<domain>`: the last part has dots).
 */
export function apiOfZone(callerReference: string): string | undefined {
  return readZoneMark(callerReference)?.apiName;
}

/** The API and the task a zone's mark names (see `zoneMark`), or undefined when it is not a mark. */
export function readZoneMark(
  callerReference: string,
): { apiName: string; taskId: string } | undefined {
  const match = /^internal-api\/([^/]+)\/([^/]+)$/.exec(callerReference);
  return match &&
    API_NAME[0].test(match[1]) &&
    match[1].length <= API_NAME_MAX_LENGTH &&
    TASK_PART.test(match[2])
    ? { apiName: match[1].toLowerCase(), taskId: match[2] }
    : undefined;
}

/** A catalog entity annotated with the domain: who claims the name. */
export type DomainClaim = {
  /** e.g. `component:default/orders-api` */
  entityRef: string;
  /** `metadata.name`: the API the entity describes. */
  name: string;
  /** `spec.owner`, when the entity has one. */
  owner?: string;
};

/**
 * Refuses when the catalog lists an entity of another name for the domain:
 * another API already serves it. Entities of this API's own name are its
 * own (a re-run) and are not in the way.
 */
export function refuseClaimsOfOtherApis(
  domain: string,
  apiName: string,
  claims: DomainClaim[],
) {
  const others = claims.filter(
    claim => claim.name.toLowerCase() !== apiName.toLowerCase(),
  );
  if (others.length === 0) {
    return;
  }
  const named = others
    .map(claim => `${claim.entityRef} (owner ${claim.owner ?? 'not set'})`)
    .join(', ');
  throw new InputError(
    `domainName '${domain}' is already used by ${named}: its ${INTERNAL_API_ANNOTATIONS.domain} annotation names it, ` +
      `so API '${apiName}' cannot have it. Choose another domain name, or ask that entity's owner.`,
  );
}

/** Refuses a zone whose mark names another API; `zoneId` and `accountId` say which zone. */
export function refuseZoneOfOtherApi(options: {
  domain: string;
  apiName: string;
  owner: string;
  zoneId: string;
  accountId: string;
}) {
  const { domain, apiName, owner, zoneId, accountId } = options;
  if (owner === apiName) {
    return;
  }
  throw new InputError(
    `domainName '${domain}': zone ${zoneId} in account ${accountId} belongs to internal API '${owner}' ` +
      `(its caller reference names it), not to '${apiName}'. Choose another domain name; ` +
      `if this is a re-run of '${owner}', use that name.`,
  );
}
