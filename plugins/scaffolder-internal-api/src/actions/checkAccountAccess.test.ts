import { mockServices } from '@backstage/backend-test-utils';
import type { AccessConfig } from '@internal/plugin-internal-api-node';
import {
  accessOptions,
  NOTHING_CHANGED,
  PEOPLE,
} from '../__testUtils__/accessFixture';
import { outcomeOf, refusalOf } from '../__testUtils__/accessRuns';
import { runAction } from '../__testUtils__/runAction';
import { auditRefusals } from '../audit/refusals';
import { createCheckAccountAccessAction } from './checkAccountAccess';

const { sam, pat, ada, pia, nora } = PEOPLE;
const ORDERS = '444455556666';
const PAYMENTS = '555566667777';

/** The sandbox's accounts and admins (org/sandbox.yaml's teams). */
const ACCESS: AccessConfig = {
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
  ],
  consumers: [],
};

const notAnOwner = (
  user: string,
  account: string,
  title: string,
  owner: string,
) =>
  `${user} may not create internal APIs in account ${account} (${title}): only members of its owners ` +
  `group:default/${owner} (or of their child groups) and admins (group:default/platform-admins) may; ` +
  `ask an owner to add you to one of those groups in the catalog. ${NOTHING_CHANGED}`;

describe('internal-api:account:check-access', () => {
  const check = (user: string, accountId: string, isDryRun = false) => {
    const auditor = mockServices.auditor.mock();
    const action = createCheckAccountAccessAction(accessOptions([], ACCESS));
    return {
      result: runAction(
        auditRefusals(auditor, action),
        { accountId },
        {
          user,
          isDryRun,
        },
      ),
      context: { auditor },
    };
  };

  it.each([
    [sam, ORDERS, 'runs'],
    [sam, PAYMENTS, notAnOwner(sam, PAYMENTS, 'Payments', 'payments-team')],
    [pat, PAYMENTS, 'runs'],
    [pia, PAYMENTS, 'runs'],
    [pat, ORDERS, notAnOwner(pat, ORDERS, 'Orders', 'orders-team')],
    [ada, PAYMENTS, 'runs'],
    [nora, ORDERS, notAnOwner(nora, ORDERS, 'Orders', 'orders-team')],
  ])('%s in %s: %s', async (user, accountId, outcome) => {
    expect(await outcomeOf(check(user, accountId), user)).toBe(outcome);
  });

  it('refuses an account config does not hold, in a dry run too', async () => {
    expect(await refusalOf(check(ada, '999999999999', true), ada)).toBe(
      `Account 999999999999 is not a configured workload account (internalApi.workloadAccounts), so nobody may create internal APIs in it; choose a configured account. ${NOTHING_CHANGED}`,
    );
  });

  it('says who may create where in one short line (the log viewer cuts long ones)', async () => {
    const log: string[] = [];
    await runAction(
      createCheckAccountAccessAction(accessOptions([], ACCESS)),
      { accountId: ORDERS },
      { user: sam, log },
    );
    expect(log).toEqual([`${sam} may create in account ${ORDERS}.`]);
  });
});
