import { criticalPath, TimedCall } from './criticalPath';

const call = (
  operation: string,
  startedAt: number,
  endedAt?: number,
): TimedCall => ({ operation, startedAt, endedAt });

describe('criticalPath', () => {
  it('counts calls made one after another as the chain', () => {
    const path = criticalPath([
      call('AssumeRole', 0, 100),
      call('DescribeVpcs', 100, 250),
      call('DescribeSubnets', 260, 400),
    ]);

    expect(path.chain.map(c => c.operation)).toEqual([
      'AssumeRole',
      'DescribeVpcs',
      'DescribeSubnets',
    ]);
    expect(path).toMatchObject({ totalCalls: 3, wallMs: 400, busyMs: 390 });
  });

  it('counts calls sent together once: the chain is the longest run of non-overlapping calls', () => {
    // Three reads in parallel, then a write; a long read overlaps all of them.
    const path = criticalPath([
      call('DescribeRouteTables', 10, 160),
      call('DescribeVpcs', 0, 150),
      call('DescribeSubnets', 5, 155),
      call('CreateRoute', 170, 320),
      call('ListResourceRecordSets', 0, 330),
    ]);

    expect(path.chain.map(c => c.operation)).toEqual([
      'DescribeVpcs',
      'CreateRoute',
    ]);
    expect(path).toMatchObject({ totalCalls: 5, wallMs: 330, busyMs: 330 });
  });

  it('finds the longest chain, not the one that starts first', () => {
    // Starting with the long call would give a chain of 2; the three short ones make 3.
    const path = criticalPath([
      call('GetChange', 0, 500),
      call('a', 10, 100),
      call('b', 100, 200),
      call('c', 200, 300),
      call('d', 510, 600),
    ]);

    expect(path.chain.map(c => c.operation)).toEqual(['a', 'b', 'c', 'd']);
    expect(path.busyMs).toBe(590);
  });

  it('leaves out calls never answered, and gives zeros for none', () => {
    expect(criticalPath([call('CreateVpc', 0)])).toEqual({
      totalCalls: 0,
      chain: [],
      wallMs: 0,
      busyMs: 0,
    });
    expect(
      criticalPath([call('CreateVpc', 0), call('DescribeVpcs', 5, 20)]),
    ).toMatchObject({ totalCalls: 1, wallMs: 15 });
  });
});
