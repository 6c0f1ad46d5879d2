import { ConfigReader } from '@backstage/config';
import { readInternalApiConfig } from '../config';
import { accessWarnings } from './accessConfig';

const account = (accountId: string, extra: object = {}) => ({
  accountId,
  title: `Account ${accountId}`,
  region: 'eu-west-1',
  vpcId: 'vpc-0a1b2c3d',
  ...extra,
});
const consumer = (name: string, extra: object = {}) => ({
  name,
  accountId: '777788889999',
  region: 'eu-west-1',
  vpcId: 'vpc-0f0e0d0c',
  ...extra,
});
const read = (internalApi: object) =>
  readInternalApiConfig(new ConfigReader({ internalApi }));

describe('internalApi owners, approval and admins', () => {
  it('reads them, writing every group ref out in full and lower-case', () => {
    const config = read({
      admins: ['platform-admins'],
      workloadAccounts: [
        account('444455556666', {
          owners: ['group:default/orders-team', 'Group:Default/Orders-Team'],
        }),
        account('555566667777'),
      ],
      consumers: [
        consumer('customer-api', { owners: ['default/orders-team'] }),
        consumer('partner-api', {
          owners: ['group:partners/payments-team'],
          approval: 'required',
        }),
      ],
    });
    expect(config.access).toEqual({
      admins: ['group:default/platform-admins'],
      workloadAccounts: [
        {
          accountId: '444455556666',
          title: 'Account 444455556666',
          owners: ['group:default/orders-team'],
        },
        // No owners: admins only.
        {
          accountId: '555566667777',
          title: 'Account 555566667777',
          owners: [],
        },
      ],
      consumers: [
        {
          name: 'customer-api',
          owners: ['group:default/orders-team'],
          approval: 'none',
        },
        {
          name: 'partner-api',
          owners: ['group:partners/payments-team'],
          approval: 'required',
        },
      ],
    });
    // The accounts and consumers that plans and lookups pass on are unchanged.
    expect(config.workloadAccounts[0]).toEqual(account('444455556666'));
    expect(config.consumers[1]).toEqual(consumer('partner-api'));
  });

  it.each([
    [
      {
        workloadAccounts: [
          account('1'.repeat(12)),
          account('4'.repeat(12), {
            owners: ['group:default/orders-team', 'user:default/sam'],
          }),
        ],
      },
      "internalApi.workloadAccounts[1].owners[1] 'user:default/sam' is a user, not a group: access is given to groups (their members and the members of their child groups). Use the ref of a group that person belongs to, e.g. group:default/orders-team.",
    ],
    [
      {
        workloadAccounts: [],
        consumers: [consumer('customer-api', { owners: ['group:'] })],
      },
      "internalApi.consumers[0].owners[0] 'group:' is not a group ref: write [group:][<namespace>/]<name>, e.g. group:default/orders-team.",
    ],
    [
      { workloadAccounts: [], admins: ['Platform Admins'] },
      "internalApi.admins[0] 'Platform Admins' is not a group ref: a catalog name is letters, digits, '-', '_' and '.', at most 63 characters (no spaces), e.g. group:default/orders-team.",
    ],
    [
      {
        workloadAccounts: [],
        consumers: [consumer('customer-api', { approval: 'owners' })],
      },
      "internalApi.consumers[0].approval 'owners' is not an approval mode: use 'required' (an owner of the consumer approves other teams' requests) or 'none' (other teams are refused; the default).",
    ],
  ])(
    'refuses at startup, naming the path, the value and the fix (%#)',
    (internalApi, message) => {
      expect(() => read(internalApi)).toThrow(message);
    },
  );
});

describe('accessWarnings', () => {
  it('says nothing when everything has owners and admins are set', () => {
    const config = read({
      admins: ['group:default/platform-admins'],
      workloadAccounts: [account('444455556666', { owners: ['orders-team'] })],
      consumers: [consumer('customer-api', { owners: ['orders-team'] })],
    });
    expect(accessWarnings(config.access)).toEqual([]);
  });

  it('names what only admins may use', () => {
    const config = read({
      admins: ['group:default/platform-admins'],
      workloadAccounts: [
        account('444455556666', { owners: ['orders-team'] }),
        account('555566667777'),
      ],
      consumers: [consumer('customer-api')],
    });
    expect(accessWarnings(config.access)).toEqual([
      'internalApi: account 555566667777 (Account 555566667777), consumer customer-api have no owners, so only admins may use them; ' +
        'set owners: [group:default/<team>] to let a team use them.',
    ]);
  });

  it('says when nobody is an admin, and what then nobody can use', () => {
    const config = read({ workloadAccounts: [account('555566667777')] });
    expect(accessWarnings(config.access)).toEqual([
      'internalApi: account 555566667777 (Account 555566667777) has no owners, so only admins may use it; set owners: [group:default/<team>] to let a team use it.',
      'internalApi.admins is not set, so nobody is an admin: account 555566667777 (Account 555566667777) cannot be used by anyone, ' +
        'only owners may change or decommission an API, and nobody may clean up a half-created one; ' +
        'set internalApi.admins: [group:default/<platform team>].',
    ]);
  });
});
