import { Sandbox, SANDBOX_ACCOUNTS, startSandbox } from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createDelegateSubdomainAction } from './delegateSubdomain';
import { examples } from './delegateSubdomain.examples';

const steps = exampleSteps(examples, {
  'parameters.domainName': 'payments.api.acme.com',
  'parameters.accountId': SANDBOX_ACCOUNTS.orders,
  'parameters.name': 'payments-api',
});

describe('internal-api:dns:delegate examples', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it.each(steps.map(step => [step.description, step]))(
    '%s: creates and delegates the zone',
    async (_, step) => {
      const action = createDelegateSubdomainAction(
        countedContext(sandbox.landscape),
      );

      const outputs = await runAction(action, step.input);

      expect(step.action).toBe(action.id);
      expect(outputs.parentDomain).toBe('acme.com');
      expect(outputs.changes.map((c: { status: string }) => c.status)).toEqual([
        'created',
        'created',
      ]);
    },
  );
});
