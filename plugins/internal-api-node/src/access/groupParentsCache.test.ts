import { cachedGroupParents } from './groupParentsCache';

describe('cachedGroupParents', () => {
  const parents = new Map([['group:default/child', ['group:default/parent']]]);

  it('reads the catalog once per ttl, shared by concurrent decisions', async () => {
    let now = 0;
    const load = jest.fn(async () => parents);
    const groupParents = cachedGroupParents(load, {
      ttlMs: 60_000,
      now: () => now,
    });

    await Promise.all([groupParents(), groupParents()]);
    now = 59_999;
    expect(await groupParents()).toBe(parents);
    expect(load).toHaveBeenCalledTimes(1);

    now = 60_000;
    await groupParents();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps no failed read: the next decision reads again', async () => {
    const load = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog unavailable'))
      .mockResolvedValueOnce(parents);
    const groupParents = cachedGroupParents(load, {
      ttlMs: 60_000,
      now: () => 0,
    });

    await expect(groupParents()).rejects.toThrow('catalog unavailable');
    expect(await groupParents()).toBe(parents);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
