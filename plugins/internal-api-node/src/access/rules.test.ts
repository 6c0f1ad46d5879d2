import type { AccessConfig } from './accessConfig';
import {
  accessOf,
  isAdmin,
  mayAddConsumer,
  mayChangeApi,
  mayCleanUpHalfCreated,
  mayCreateIn,
} from './rules';

const ORDERS = '444455556666';
const PAYMENTS = '555566667777';
const LEGACY = '999900001111';

const config: AccessConfig = {
  admins: ['group:default/platform-admins'],
  workloadAccounts: [
    {
      accountId: ORDERS,
      title: 'Orders',
      owners: ['group:default/orders-team'],
    },
    {
      accountId: PAYMENTS,
      title: 'Payments',
      owners: ['group:default/payments-team'],
    },
    { accountId: LEGACY, title: 'Legacy', owners: [] },
  ],
  consumers: [
    {
      name: 'customer-api',
      owners: ['group:default/orders-team'],
      approval: 'none',
    },
    {
      name: 'partner-api',
      owners: ['group:default/payments-team'],
      approval: 'required',
    },
    { name: 'shared-services', owners: [], approval: 'required' },
  ],
};

// commerce ⊃ orders-team ⊃ orders-backend
const parents = new Map([
  ['group:default/orders-backend', ['group:default/orders-team']],
  ['group:default/orders-team', ['group:default/commerce']],
]);

/** Each user with the ownership refs their sign-in gives: own ref and direct groups. */
const users = {
  sam: ['group:default/orders-team'], // direct owner of Orders
  olive: ['group:default/orders-backend'], // member of a child team of orders-team
  cid: ['group:default/commerce'], // member of orders-team's parent only
  pat: ['group:default/payments-team'],
  ada: ['group:default/platform-admins'],
  nobody: [],
};
type User = keyof typeof users;
const access = (user: User, admins = config.admins) =>
  accessOf(
    {
      userEntityRef: `user:default/${user}`,
      ownershipEntityRefs: [`user:default/${user}`, ...users[user]],
    },
    parents,
    { ...config, admins },
  );

describe('mayCreateIn', () => {
  it.each<[User, string, string]>([
    ['sam', ORDERS, 'allowed'],
    ['olive', ORDERS, 'allowed'],
    ['cid', ORDERS, 'refused'],
    ['pat', ORDERS, 'refused'],
    ['ada', ORDERS, 'allowed'],
    ['pat', PAYMENTS, 'allowed'],
    ['sam', PAYMENTS, 'refused'],
    ['sam', LEGACY, 'refused'],
    ['ada', LEGACY, 'allowed'],
    ['ada', '123456789012', 'refused'],
  ])('%s in account %s: %s', (user, accountId, decision) => {
    expect(mayCreateIn(access(user), accountId).decision).toBe(decision);
  });

  it('says why, who may and how to get access', () => {
    expect(mayCreateIn(access('olive'), ORDERS).reason).toBe(
      'user:default/olive may use account 444455556666 (Orders): a member of group:default/orders-team, one of its owners.',
    );
    expect(mayCreateIn(access('pat'), ORDERS).reason).toBe(
      'user:default/pat may not create internal APIs in account 444455556666 (Orders): only members of its owners ' +
        'group:default/orders-team (or of their child groups) and admins (group:default/platform-admins) may; ' +
        'ask an owner to add you to one of those groups in the catalog.',
    );
    expect(mayCreateIn(access('sam'), LEGACY).reason).toBe(
      'user:default/sam may not create internal APIs in account 999900001111 (Legacy): it has no owners ' +
        '(internalApi.workloadAccounts[].owners), so only admins (group:default/platform-admins) may; ask a platform engineer to set its owners.',
    );
    expect(mayCreateIn(access('ada'), LEGACY).reason).toBe(
      'user:default/ada may use account 999900001111 (Legacy) as an admin (group:default/platform-admins).',
    );
  });

  it('lets nobody into an account without owners when no admins are configured', () => {
    const decision = mayCreateIn(access('ada', []), LEGACY);
    expect(decision).toEqual({
      decision: 'refused',
      reason:
        'user:default/ada may not create internal APIs in account 999900001111 (Legacy): it has no owners ' +
        '(internalApi.workloadAccounts[].owners), so only admins (none configured in internalApi.admins) may; ask a platform engineer to set its owners.',
    });
  });
});

describe('mayAddConsumer', () => {
  it.each<[User, string, string]>([
    ['sam', 'customer-api', 'allowed'],
    ['olive', 'customer-api', 'allowed'],
    ['pat', 'customer-api', 'refused'],
    ['ada', 'customer-api', 'allowed'],
    ['pat', 'partner-api', 'allowed'],
    ['sam', 'partner-api', 'needs-approval'],
    ['ada', 'partner-api', 'allowed'],
    // Approval required, but no owners to approve: admins only.
    ['sam', 'shared-services', 'refused'],
    ['ada', 'shared-services', 'allowed'],
    ['ada', 'billing-api', 'refused'],
  ])('%s adds %s: %s', (user, consumer, decision) => {
    expect(mayAddConsumer(access(user), consumer).decision).toBe(decision);
  });

  it('names who approves when approval is required', () => {
    expect(mayAddConsumer(access('sam'), 'partner-api')).toEqual({
      decision: 'needs-approval',
      reason:
        'Adding consumer partner-api needs the approval of a member of its owners group:default/payments-team: ' +
        'the task stops before any change until one of them approves it.',
      approvers: ['group:default/payments-team'],
    });
    expect(mayAddConsumer(access('ada'), 'billing-api').reason).toBe(
      "Consumer 'billing-api' is not a configured consumer network (internalApi.consumers), so no API may be given it; choose a configured consumer.",
    );
  });
});

describe('mayChangeApi', () => {
  const api = 'component:default/orders-api';
  it.each<[User, string | undefined, string]>([
    ['sam', 'user:default/sam', 'allowed'], // owned by the user directly
    ['sam', 'group:default/orders-team', 'allowed'], // by the user's group
    ['sam', 'orders-team', 'allowed'], // spec.owner shorthand
    ['olive', 'group:default/orders-team', 'allowed'], // through a child team
    ['cid', 'group:default/orders-backend', 'refused'], // parent of the owner: no
    ['pat', 'group:default/orders-team', 'refused'], // another team
    ['pat', 'user:default/sam', 'refused'],
    ['ada', 'group:default/orders-team', 'allowed'],
    ['sam', undefined, 'refused'],
    ['ada', undefined, 'allowed'],
  ])('%s changes an API owned by %s: %s', (user, owner, decision) => {
    expect(mayChangeApi(access(user), api, owner).decision).toBe(decision);
  });

  it('says who may instead', () => {
    expect(
      mayChangeApi(access('pat'), api, 'group:default/orders-team').reason,
    ).toBe(
      'user:default/pat may not change or decommission component:default/orders-api: only its owner group:default/orders-team ' +
        'and admins (group:default/platform-admins) may; ask a member of group:default/orders-team to do it or to add you to it in the catalog.',
    );
  });
});

describe('admins', () => {
  it.each<[User, boolean]>([
    ['ada', true],
    ['sam', false],
    ['nobody', false],
  ])(
    '%s is admin: %s; may clean up half-created APIs: the same',
    (user, admin) => {
      expect(isAdmin(access(user))).toBe(admin);
      expect(mayCleanUpHalfCreated(access(user)).decision).toBe(
        admin ? 'allowed' : 'refused',
      );
    },
  );

  it('refuses clean-up to everyone when no admins are configured', () => {
    expect(mayCleanUpHalfCreated(access('ada', []))).toEqual({
      decision: 'refused',
      reason:
        'user:default/ada may not clean up half-created APIs: only admins may, and none are configured; ask a platform engineer to set internalApi.admins.',
    });
  });
});
