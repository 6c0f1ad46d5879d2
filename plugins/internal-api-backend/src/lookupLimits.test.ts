import { createLookupLimiter, TooManyLookupsError } from './lookupLimits';

describe('createLookupLimiter', () => {
  let clock = 0;
  const limiter = () =>
    createLookupLimiter(
      { burst: 2, refillMs: 1_500, cacheTtlMs: 5_000 },
      () => clock,
    );
  const answer = (value: string) => jest.fn(async () => value);

  beforeEach(() => {
    clock = 0;
  });

  it('refills one lookup per period and says how long to wait, rounded up to whole seconds', async () => {
    const limits = limiter();
    await limits.run('u', 'a', answer('a'));
    await limits.run('u', 'b', answer('b'));
    const third = answer('c');

    await expect(limits.run('u', 'c', third)).rejects.toMatchObject({
      name: 'TooManyLookupsError',
      statusCode: 429,
      retryAfterSeconds: 2,
    });
    clock += 1_000;
    await expect(limits.run('u', 'c', third)).rejects.toMatchObject({
      retryAfterSeconds: 1,
    });
    expect(third).not.toHaveBeenCalled();
    clock += 500;
    await expect(limits.run('u', 'c', third)).resolves.toBe('c');
  });

  it('shares one identical lookup in flight, and forgets an answer after the TTL', async () => {
    const limits = limiter();
    const lookup = answer('a');
    await Promise.all([
      limits.run('u', 'a', lookup),
      limits.run('u', 'a', lookup),
    ]);
    expect(lookup).toHaveBeenCalledTimes(1);

    clock += 5_000;
    await limits.run('u', 'a', lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed lookup, so the next one asks again', async () => {
    const limits = limiter();
    const flaky = jest
      .fn()
      .mockRejectedValueOnce(new Error('AWS is down'))
      .mockResolvedValueOnce('a');
    await expect(limits.run('u', 'a', flaky)).rejects.toThrow('AWS is down');
    await expect(limits.run('u', 'a', flaky)).resolves.toBe('a');
  });

  it('counts each user on their own', async () => {
    const limits = limiter();
    await limits.run('u', 'a', answer('a'));
    await limits.run('u', 'b', answer('b'));
    await expect(limits.run('u', 'c', answer('c'))).rejects.toBeInstanceOf(
      TooManyLookupsError,
    );
    await expect(limits.run('v', 'c', answer('c'))).resolves.toBe('c');
  });
});
