import { GetChangeCommand, Route53Client } from '@aws-sdk/client-route-53';
import { operations } from '../__testUtils__/countedContext';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import { recordSets, zoneNameServers } from '../__testUtils__/route53Records';
import { linesTooLong } from '../__testUtils__/taskLog';

// moto answers every Route 53 change INSYNC at once, so a task that waited for
// INSYNC would pass there too. The sandbox's latency model (aws-sandbox
// awsLatency.ts, route53Propagation.ts) keeps each change PENDING for
// route53PendingMs, as AWS does for up to a minute, and answers GetChange
// itself. Calls cost nothing here: the model is on for propagation only, and
// 60 s is longer than any of these tests, so nothing is ever INSYNC in them.
describe('internal-api:dns:delegate while Route 53 reports the NS change PENDING', () => {
  let dnsSandbox: DnsSandbox;
  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox({
      awsLatency: {
        route53PendingMs: 60_000,
        callMs: { ec2: 0, sts: 0, route53: 0 },
        otherCallMs: 0,
      },
    });
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  /** GetChange through the proxy, which alone knows the changes it made PENDING. */
  const changeStatus = async (id: string) => {
    const route53 = new Route53Client({
      endpoint: dnsSandbox.proxy.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    try {
      const { ChangeInfo } = await route53.send(
        new GetChangeCommand({ Id: id }),
      );
      return ChangeInfo?.Status;
    } finally {
      route53.destroy();
    }
  };

  it('completes without asking GetChange, reporting the change as accepted', async () => {
    const log: string[] = [];
    const { result, counter } = dnsSandbox.delegate(
      { domainName: 'pending.acme.com' },
      { log },
    );
    const outputs = await result;

    expect(operations(counter.writes())).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
    ]);
    expect(operations(counter.calls)).not.toContain('GetChange');
    expect(
      dnsSandbox.proxy.calls().filter(call => call.operation === 'GetChange'),
    ).toEqual([]);
    expect(outputs.delegationChange).toEqual({
      id: expect.stringMatching(/^C[A-Z0-9]+$/),
      status: 'PENDING',
      submittedAt: expect.any(String),
    });
    // The record is in the parent, and Route 53 still propagates it.
    const nameServers = await zoneNameServers(
      dnsSandbox.route53.orders,
      outputs.hostedZoneId,
    );
    expect(
      await recordSets(
        dnsSandbox.route53.dns,
        dnsSandbox.parentZoneId('acme.com'),
        'pending.acme.com',
      ),
    ).toEqual([{ type: 'NS', values: [...nameServers].sort() }]);
    expect(await changeStatus(outputs.delegationChange.id)).toBe('PENDING');
    // What "done" means for DNS, on the task page.
    expect(log.slice(-2)).toEqual([
      `Route 53 accepted the delegation (change ${outputs.delegationChange.id}, PENDING).`,
      "It is in sync within about a minute; the API's card shows when.",
    ]);
    expect(linesTooLong(log)).toEqual([]);
  });
});
