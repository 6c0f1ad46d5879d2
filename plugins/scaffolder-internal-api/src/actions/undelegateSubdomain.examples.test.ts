import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import { exampleSteps } from '../__testUtils__/examples';
import { publicZoneIds } from '../__testUtils__/route53Records';
import { UNDELEGATE_SUBDOMAIN_ACTION_ID } from './undelegateSubdomain';
import { examples } from './undelegateSubdomain.examples';

const steps = exampleSteps(examples, {
  'parameters.domainName': 'payments.api.acme.com',
  'parameters.accountId': SANDBOX_ACCOUNTS.orders,
  'parameters.name': 'payments-api',
});

describe('internal-api:dns:undelegate examples', () => {
  let dnsSandbox: DnsSandbox;
  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  // In order: the check (planOnly) leaves the delegation that the next example removes.
  it.each(steps.map(step => [step.description, step]))(
    '%s',
    async (_, step) => {
      const input = step.input as {
        domainName: string;
        apiName: string;
        planOnly?: boolean;
      };
      // Delegated first, as the API's creation did (a re-run when it already is).
      await dnsSandbox.delegate({
        domainName: input.domainName,
        apiName: input.apiName,
      }).result;

      const outputs = await dnsSandbox.undelegate(input).result;

      expect(step.action).toBe(UNDELEGATE_SUBDOMAIN_ACTION_ID);
      expect(outputs.parentDomain).toBe('acme.com');
      expect(outputs.changes.map((c: { status: string }) => c.status)).toEqual(
        input.planOnly ? ['planned', 'planned'] : ['removed', 'removed'],
      );
      expect(
        await publicZoneIds(dnsSandbox.route53.orders, input.domainName),
      ).toHaveLength(input.planOnly ? 1 : 0);
    },
  );
});
