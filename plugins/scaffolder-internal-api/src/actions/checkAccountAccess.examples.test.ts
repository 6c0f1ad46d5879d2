import { accessOptions, PEOPLE } from '../__testUtils__/accessFixture';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createCheckAccountAccessAction } from './checkAccountAccess';
import { examples } from './checkAccountAccess.examples';

/** The example as the create template runs it: Sam, of the Orders team, in the Orders account. */
describe('internal-api:account:check-access examples', () => {
  const access = {
    admins: ['group:default/platform-admins'],
    workloadAccounts: [
      {
        accountId: '444455556666',
        title: 'Orders',
        owners: ['group:default/orders-team'],
      },
    ],
    consumers: [],
  };

  it.each(
    exampleSteps(examples, { 'parameters.accountId': '444455556666' }).map(
      step => [step.description, step],
    ),
  )('%s', async (_, step) => {
    await expect(
      runAction(
        createCheckAccountAccessAction(accessOptions([], access)),
        step.input,
        {
          user: PEOPLE.sam,
        },
      ),
    ).resolves.toEqual({});
  });
});
