import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import {
  createNsRecord,
  createPublicZone,
  listRecordsNamed,
  waitForChange,
} from './route53';

// One mock for the file: each mockClient() call replaces the client's send.
const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());

// moto reports every Route 53 change INSYNC at once, so the wait is never
// exercised there; these tests mock GetChange to show PENDING first.
describe('waitForChange (GetChange mocked: the emulator is always INSYNC)', () => {
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
      // A deadline many intervals away, so even a loaded machine polls more than once before it.
      waitForChange(new Route53Client({ region: 'us-east-1' }), 'C2', {
        timeoutMs: 400,
        intervalMs: 10,
      }),
    ).rejects.toThrow(
      'Route 53 change C2 was still PENDING after 0 s. The record is written and will propagate; re-run the task to confirm',
    );
    expect(route53.commandCalls(GetChangeCommand).length).toBeGreaterThan(1);
  });
});

// moto stores a second NS record set of the same name on CREATE (AWS answers
// InvalidChangeBatch) and accepts a CallerReference twice (AWS answers
// HostedZoneAlreadyExists), so these paths are tested with Route 53 mocked.
describe('createNsRecord (Route 53 mocked: moto accepts a duplicate CREATE)', () => {
  const client = () => new Route53Client({ region: 'us-east-1' });
  const ours = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'];
  const exists = Object.assign(
    new Error(
      "Tried to create resource record set [name='race.acme.com.', type='NS'] but it already exists",
    ),
    { name: 'InvalidChangeBatch' },
  );
  const nsInParent = (values: string[]) =>
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        {
          Name: 'race.acme.com.',
          Type: 'NS',
          ResourceRecords: values.map(Value => ({ Value })),
        },
      ],
      IsTruncated: false,
      MaxItems: 300,
    });

  it('sends CREATE, never UPSERT, and returns the change to wait on', async () => {
    route53.on(ChangeResourceRecordSetsCommand).resolves({
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING',
        SubmittedAt: new Date(),
      },
    });
    await expect(
      createNsRecord(client(), 'ZPARENT', 'race.acme.com', ours, 3600),
    ).resolves.toBe('/change/C1');
    const [call] = route53.commandCalls(ChangeResourceRecordSetsCommand);
    expect(call.args[0].input.ChangeBatch?.Changes?.[0].Action).toBe('CREATE');
  });

  it('refuses, without overwriting, a record someone wrote since the plan', async () => {
    route53.on(ChangeResourceRecordSetsCommand).rejects(exists);
    nsInParent(['ns1.elsewhere.net']);
    const refused = createNsRecord(
      client(),
      'ZPARENT',
      'race.acme.com',
      ours,
      3600,
    );
    await expect(refused).rejects.toThrow(
      'race.acme.com got an NS record (ns1.elsewhere.net) in zone ZPARENT while the task ran, so it was not delegated.',
    );
    // What the parent holds now, so the caller can tell which zone won.
    await expect(refused).rejects.toMatchObject({
      name: 'InputError',
      nameServers: ['ns1.elsewhere.net'],
    });
    expect(route53.commandCalls(ChangeResourceRecordSetsCommand)).toHaveLength(
      1,
    );
  });

  it('counts our own earlier write (its answer lost) as done', async () => {
    route53.on(ChangeResourceRecordSetsCommand).rejects(exists);
    nsInParent([...ours].reverse().map(ns => `${ns.toUpperCase()}.`));
    await expect(
      createNsRecord(client(), 'ZPARENT', 'race.acme.com', ours, 3600),
    ).resolves.toBeUndefined();
  });
});

describe('createPublicZone (Route 53 mocked: moto accepts a CallerReference twice)', () => {
  it('returns the zone an earlier try made when Route 53 refuses the same caller reference', async () => {
    route53
      .on(CreateHostedZoneCommand)
      .rejects(
        Object.assign(new Error('exists'), { name: 'HostedZoneAlreadyExists' }),
      );
    route53.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZOTHER',
          Name: 'lost.acme.com.',
          CallerReference: 'console',
        },
        {
          Id: '/hostedzone/ZOURS',
          Name: 'lost.acme.com.',
          CallerReference: 'internal-api/task-1/lost.acme.com',
        },
      ],
      IsTruncated: false,
      MaxItems: 100,
    });
    route53.on(GetHostedZoneCommand).resolves({
      HostedZone: {
        Id: '/hostedzone/ZOURS',
        Name: 'lost.acme.com.',
        CallerReference: 'x',
      },
      DelegationSet: { NameServers: ['ns-9.awsdns-09.org'] },
    });
    await expect(
      createPublicZone(
        new Route53Client({ region: 'us-east-1' }),
        'lost.acme.com',
        'internal-api/task-1/lost.acme.com',
      ),
    ).resolves.toEqual({
      hostedZoneId: 'ZOURS',
      nameServers: ['ns-9.awsdns-09.org'],
    });
  });
});

describe('listRecordsNamed (ListResourceRecordSets mocked: a zone larger than one page)', () => {
  it('reads one page when the name is followed by other names, however large the zone', async () => {
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        { Name: 'api.acme.com.', Type: 'TXT' },
        { Name: 'a.api.acme.com.', Type: 'A' },
      ],
      IsTruncated: true,
      NextRecordName: 'b.api.acme.com.',
      NextRecordType: 'A',
      MaxItems: 300,
    });
    await expect(
      listRecordsNamed(
        new Route53Client({ region: 'us-east-1' }),
        'ZPARENT',
        'api.acme.com',
      ),
    ).resolves.toEqual([{ Name: 'api.acme.com.', Type: 'TXT' }]);
    expect(route53.commandCalls(ListResourceRecordSetsCommand)).toHaveLength(1);
  });
});
