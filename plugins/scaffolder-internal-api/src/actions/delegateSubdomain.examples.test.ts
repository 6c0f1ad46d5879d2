import { startDnsLandscape } from '../__testUtils__/dnsLandscape';
import { exampleSteps } from '../__testUtils__/examples';
import { countingAwsClients, ORDERS_ACCOUNT } from '../__testUtils__/landscape';
import { runAction } from '../__testUtils__/runAction';
import { createDelegateSubdomainAction } from './delegateSubdomain';
import { examples } from './delegateSubdomain.examples';

const steps = exampleSteps(examples, {
  'parameters.domainName': 'payments.api.acme.com',
  'parameters.accountId': ORDERS_ACCOUNT,
});

describe('internal-api:dns:delegate examples', () => {
  let landscape: Awaited<ReturnType<typeof startDnsLandscape>>;
  beforeAll(async () => {
    landscape = await startDnsLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  it.each(steps.map(step => [step.description, step]))(
    '%s: creates and delegates the zone',
    async (_, step) => {
      const action = createDelegateSubdomainAction({
        internalApi: landscape.internalApi,
        aws: countingAwsClients(landscape.config).aws,
      });

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
