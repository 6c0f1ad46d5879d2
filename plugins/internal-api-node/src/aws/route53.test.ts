import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { createNsRecord, createPublicZone, listRecordsNamed } from './route53';

// One mock for the file: each mockClient() call replaces the client's send.
const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());

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

  it('sends CREATE, never UPSERT, and returns the change as Route 53 accepted it', async () => {
    route53.on(ChangeResourceRecordSetsCommand).resolves({
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING',
        SubmittedAt: new Date('2026-11-26T10:00:00Z'),
      },
    });
    await expect(
      createNsRecord(client(), 'ZPARENT', 'race.acme.com', ours, 3600),
    ).resolves.toEqual({
      id: 'C1',
      status: 'PENDING',
      submittedAt: '2026-11-26T10:00:00.000Z',
    });
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
