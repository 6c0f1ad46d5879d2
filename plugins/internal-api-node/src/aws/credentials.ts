import { createHash } from 'node:crypto';
import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@aws-sdk/types';

/** Credentials for one account, with the person who asked named where possible. */
export interface AccountCredentials {
  /**
   * @param initiator - the task's user entity ref; becomes the STS session name
   *   so CloudTrail shows who asked.
   */
  forAccount(
    accountId: string,
    initiator?: string,
  ): Promise<AwsCredentialIdentityProvider>;
}

interface AssumedRole {
  roleArn: string;
  externalId?: string;
  region: string;
}

/**
 * Credentials come only from `@backstage/integration-aws-node`. Its manager names
 * every session 'backstage'; where the account is reached by assuming a role, we
 * assume the same role ourselves with the initiator as session name, and fall
 * back to the manager's session if the role's trust policy refuses that name.
 */
export function createAccountCredentials(options: {
  config: Config;
  credentialsManager: AwsCredentialsManager;
  logger: LoggerService;
}): AccountCredentials {
  const { config, credentialsManager, logger } = options;
  // Sessions by account (and session name), each held until it nearly
  // expires. Nothing is awaited between looking one up and adding it, so
  // clients opened at once for one account share one AssumeRole.
  const named = new Map<string, AwsCredentialIdentityProvider>();
  const shared = new Map<string, AwsCredentialIdentityProvider>();
  const mainAccount: AwsCredentialIdentityProvider = async identityProperties =>
    (await credentialsManager.getCredentialProvider()).sdkCredentialProvider(
      identityProperties,
    );

  return {
    async forAccount(accountId, initiator) {
      const { sdkCredentialProvider } =
        await credentialsManager.getCredentialProvider({ accountId });
      if (!shared.has(accountId)) {
        // The manager's provider assumes its role again each time it is asked.
        shared.set(accountId, cachedUntilExpiry(sdkCredentialProvider));
      }
      const managerProvider = shared.get(accountId)!;
      const role = assumedRoleFor(config, accountId);
      if (!role || !initiator) {
        return managerProvider;
      }
      const sessionName = stsSessionName(initiator);
      const key = `${accountId}/${sessionName}`;
      if (!named.has(key)) {
        const namedProvider = fromTemporaryCredentials({
          masterCredentials: mainAccount,
          params: {
            RoleArn: role.roleArn,
            RoleSessionName: sessionName,
            ExternalId: role.externalId,
          },
          clientConfig: { region: role.region },
        });
        named.set(
          key,
          cachedUntilExpiry(async identityProperties => {
            try {
              return await namedProvider(identityProperties);
            } catch (error) {
              if (
                (error as Error).name !== 'AccessDenied' &&
                (error as Error).name !== 'AccessDeniedException'
              ) {
                throw error;
              }
              logger.warn(
                `Role ${role.roleArn} does not allow session name '${sessionName}'; using the shared 'backstage' session`,
              );
              return managerProvider(identityProperties);
            }
          }),
        );
      }
      return named.get(key)!;
    },
  };
}

/** Credentials are asked for again this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * Holds the session until shortly before it expires: the SDK's
 * fromTemporaryCredentials calls AssumeRole every time it is asked, and every
 * new client asks (each step and status read opens its own clients), so
 * without this each of them paid an STS round trip per client. Clients that
 * ask at once, before the first answer, wait for that one request.
 */
export function cachedUntilExpiry(
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async identityProperties => {
    if (pending && !identityProperties?.forceRefresh) {
      try {
        const identity = await pending;
        if (
          !identity.expiration ||
          identity.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS
        ) {
          return identity;
        }
      } catch {
        // A failed attempt is not kept: ask again below.
      }
    }
    pending = provider(identityProperties);
    return pending;
  };
}

/**
 * The role the integration assumes for an account, when it assumes one from
 * the main account's credentials (not from static keys, profiles or web identity,
 * which we leave entirely to the manager).
 */
function assumedRoleFor(
  config: Config,
  accountId: string,
): AssumedRole | undefined {
  const aws = config.getOptionalConfig('aws');
  const account = aws
    ?.getOptionalConfigArray('accounts')
    ?.find(c => c.getString('accountId') === accountId);
  const defaults = account
    ? undefined
    : aws?.getOptionalConfig('accountDefaults');
  const source = account ?? defaults;
  const roleName = source?.getOptionalString('roleName');
  if (
    !source ||
    !roleName ||
    source.has('accessKeyId') ||
    source.has('profile') ||
    source.has('webIdentityTokenFile')
  ) {
    return undefined;
  }
  const partition = source.getOptionalString('partition') ?? 'aws';
  return {
    roleArn: `arn:${partition}:iam::${accountId}:role/${roleName}`,
    externalId: source.getOptionalString('externalId'),
    region: source.getOptionalString('region') ?? 'us-east-1',
  };
}

const SESSION_PREFIX = 'backstage-';
const HASH_LENGTH = 8;
// What is left of STS's 64 characters for the readable part: prefix, a '-', the hash.
const READABLE_LENGTH = 64 - SESSION_PREFIX.length - 1 - HASH_LENGTH;

/**
 * The STS session name for an initiator, e.g. 'user:default/jane.doe' becomes
 * 'backstage-default.jane.doe-d410da1e'. STS allows 2-64 characters of
 * [\w+=,.@-], so the readable part (namespace kept, '/' as '.', other
 * characters as '-') can collide or be cut: 'user:other/b' and
 * 'user:default/other-b' must not read alike in CloudTrail. The first 8 hex of
 * the full ref's SHA-256 keep names distinct; the readable part is cut first,
 * so the hash always survives.
 */
export function stsSessionName(initiator: string): string {
  const readable = initiator
    .replace(/^user:/, '')
    .replace(/\//g, '.')
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, READABLE_LENGTH);
  const hash = createHash('sha256')
    .update(initiator)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  return `${SESSION_PREFIX}${readable}-${hash}`;
}
