import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createReportChangesAction } from './reportChanges';
import { examples } from './reportChanges.examples';

describe('internal-api:report:changes examples', () => {
  it.each(
    exampleSteps(examples, {
      // The DNS step completed; the routes and publish steps did not run, so the scaffolder renders nothing for them.
      'steps.dns.output.changes': [
        {
          change: 'create-zone',
          target: 'zone orders.api.acme.com in account 444455556666',
          status: 'created',
        },
        {
          change: 'delegate',
          target: 'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
          status: 'created',
        },
      ],
      'steps.dns.output.hostedZoneId': 'Z0CHILD',
      'steps.routes.output.routes': undefined,
      'steps.publish.output.remoteUrl': undefined,
    }).map(step => [step.description, step]),
  )('%s: lists the DNS writes', async (_, step) => {
    const action = createReportChangesAction();
    const { changes } = await runAction(
      action,
      // As the scaffolder passes them: inputs that render to nothing are left out.
      JSON.parse(JSON.stringify(step.input)),
    );
    expect(step.action).toBe(action.id);
    expect(changes).toEqual([
      'zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
      'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
    ]);
  });
});
