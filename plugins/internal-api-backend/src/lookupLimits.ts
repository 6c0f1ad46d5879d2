import { CustomErrorBase } from '@backstage/errors';

/** How hard one user may drive the lookups' AWS calls. */
export interface LookupLimits {
  /** How long a user's identical lookup is answered from memory, in ms. */
  cacheTtlMs: number;
  /** Lookups that reach AWS a user may make at once (the token bucket's size). */
  burst: number;
  /** After the burst, one more lookup per this many ms (the bucket's refill). */
  refillMs: number;
}

/**
 * Constants rather than config: they protect AWS, not a preference of an
 * installation. EC2 throttles Describe calls per account and region for
 * everything in it (a bucket of 100, refilled at 20 a second), our deploys
 * included, and a placement preview is 3 of them. 20 lookups at once, then one
 * every 3 s, is far more than a person filling in the form needs once identical
 * lookups come from memory, while 10 people pressing as hard as they can stay
 * near 10 EC2 calls a second. 15 s of memory covers a form going back and forth
 * between the same values; the actions never use it, so a task always reads AWS.
 */
export const DEFAULT_LOOKUP_LIMITS: LookupLimits = {
  cacheTtlMs: 15_000,
  burst: 20,
  refillMs: 3_000,
};

/** A user ran out of lookups; answered as HTTP 429 with Retry-After. */
export class TooManyLookupsError extends CustomErrorBase {
  name = 'TooManyLookupsError' as const;
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

export interface LookupLimiter {
  /**
   * Answers `lookup` for `user`: from memory when the same user asked the same
   * `key` within the TTL (identical lookups in flight share one answer), else
   * runs it if the user has a lookup left, else throws TooManyLookupsError
   * without running it. A failed lookup is not remembered.
   */
  run<T>(user: string, key: string, lookup: () => Promise<T>): Promise<T>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Per-user memory and token buckets, in this process; `now` is injectable for tests. */
export function createLookupLimiter(
  limits: LookupLimits,
  now: () => number = Date.now,
): LookupLimiter {
  const answers = new Map<
    string,
    { expires: number; answer: Promise<unknown> }
  >();
  const buckets = new Map<string, Bucket>();
  const tokensAt = (bucket: Bucket, time: number) =>
    Math.min(
      limits.burst,
      bucket.tokens + (time - bucket.at) / limits.refillMs,
    );

  // Runs only when AWS is asked, which the buckets bound, so the sweep stays cheap.
  const forgetExpired = (time: number) => {
    for (const [key, entry] of answers) {
      if (entry.expires <= time) {
        answers.delete(key);
      }
    }
    for (const [user, bucket] of buckets) {
      if (tokensAt(bucket, time) >= limits.burst) {
        buckets.delete(user);
      }
    }
  };

  const takeToken = (user: string, time: number) => {
    const bucket = buckets.get(user);
    const tokens = bucket ? tokensAt(bucket, time) : limits.burst;
    if (tokens < 1) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil(((1 - tokens) * limits.refillMs) / 1000),
      );
      throw new TooManyLookupsError(
        `You asked for more AWS lookups than the backend allows one person (${
          limits.burst
        } at once, then one every ${limits.refillMs / 1000} s). ` +
          `Wait ${retryAfterSeconds} s, then change a field to look again.`,
        retryAfterSeconds,
      );
    }
    buckets.set(user, { tokens: tokens - 1, at: time });
  };

  return {
    async run<T>(user: string, key: string, lookup: () => Promise<T>) {
      const time = now();
      const cacheKey = JSON.stringify([user, key]);
      const known = answers.get(cacheKey);
      if (known && known.expires > time) {
        return (await known.answer) as T;
      }
      forgetExpired(time);
      takeToken(user, time);
      const answer = lookup();
      const entry = { expires: time + limits.cacheTtlMs, answer };
      answers.set(cacheKey, entry);
      answer.catch(() => {
        if (answers.get(cacheKey) === entry) {
          answers.delete(cacheKey);
        }
      });
      return await answer;
    },
  };
}
