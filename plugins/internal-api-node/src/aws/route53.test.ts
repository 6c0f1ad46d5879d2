import { GetChangeCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForChange } from './route53';

// moto reports every Route 53 change INSYNC at once, so the wait is never
// exercised there; these tests mock GetChange to show PENDING first.
describe('waitForChange (GetChange mocked: the emulator is always INSYNC)', () => {
  const route53 = mockClient(Route53Client);
  afterEach(() => route53.reset());

  it('polls until the change is INSYNC', async () => {
    route53
      .on(GetChangeCommand)
      .resolvesOnce({
        ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
      })
      .resolvesOnce({
        ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
      })
      .resolves({
        ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
      });

    await waitForChange(
      new Route53Client({ region: 'us-east-1' }),
      '/change/C1',
      { timeoutMs: 1_000, intervalMs: 1 },
    );

    expect(route53.commandCalls(GetChangeCommand)).toHaveLength(3);
    expect(route53.commandCalls(GetChangeCommand)[0].args[0].input).toEqual({
      Id: '/change/C1',
    });
  });

  it('gives up at the deadline with a message that says what to do', async () => {
    route53.on(GetChangeCommand).resolves({
      ChangeInfo: { Id: 'C2', Status: 'PENDING', SubmittedAt: new Date() },
    });

    await expect(
      waitForChange(new Route53Client({ region: 'us-east-1' }), 'C2', {
        timeoutMs: 50,
        intervalMs: 10,
      }),
    ).rejects.toThrow(
      'Route 53 change C2 was still PENDING after 0 s. The record is written and will propagate; re-run the task to confirm',
    );
    expect(route53.commandCalls(GetChangeCommand).length).toBeGreaterThan(1);
  });
});
