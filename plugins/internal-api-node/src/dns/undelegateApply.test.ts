import {
  ChangeResourceRecordSetsCommand,
  DeleteHostedZoneCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { JsonValue } from '@backstage/types';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../aws/access';
import { applyUndelegation } from './undelegateApply';
import type { UndelegationPlan } from './undelegatePlan';

// The races and lost answers of a removal, with Route 53 mocked: a record
// that changes between plan and DELETE, a zone that gets records before its
// delete, a change that stays PENDING (moto is always INSYNC). The whole
// action runs against the emulator in the scaffolder module's tests.
const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());

const clients: AwsClients = {
  ec2: () => Promise.reject(new Error('no EC2 here')),
  route53: async () => new Route53Client({ region: 'us-east-1' }),
};
const failure = (name: string, message = name) =>
  Object.assign(new Error(message), { name });

const nameServers = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'];
const nsRecord: ResourceRecordSet = {
  Name: 'orders.acme.com.',
  Type: 'NS',
  TTL: 172800,
  ResourceRecords: nameServers.map(Value => ({ Value })),
};

/** What planUndelegation returns for a delegated, empty zone. */
const plan = (): UndelegationPlan => ({
  domain: 'orders.acme.com',
  accountId: '444455556666',
  region: 'eu-west-1',
  parent: {
    domain: 'acme.com',
    hostedZoneId: 'ZPARENT',
    accountId: '222233334444',
  },
  apiName: 'orders-api',
  zone: {
    hostedZoneId: 'ZCHILD',
    nameServers,
    records: [
      { type: 'NS', name: 'orders.acme.com' },
      { type: 'SOA', name: 'orders.acme.com' },
    ],
  },
  nsRecord,
  changes: [
    {
      change: 'ns-record',
      target: 'NS orders.acme.com in acme.com (zone ZPARENT)',
      status: 'planned',
    },
    {
      change: 'zone',
      target: 'zone orders.acme.com in account 444455556666',
      status: 'planned',
    },
  ],
  writes: [
    { op: 'delete-ns', change: 0, checkpointKey: 'ns' },
    { op: 'delete-zone', change: 1, checkpointKey: 'zone' },
  ],
});

const undelegate = (store = new Map<string, JsonValue>()) =>
  applyUndelegation(plan(), clients, {
    checkpoint: async <T extends JsonValue>(
      key: string,
      fn: () => Promise<T>,
    ) => {
      if (!store.has(key)) {
        store.set(key, await fn());
      }
      return store.get(key) as T;
    },
    wait: { timeoutMs: 1_000, intervalMs: 1 },
  });

const operations = () =>
  route53
    .calls()
    .map(call => call.args[0].constructor.name.replace(/Command$/, ''));

describe('applyUndelegation (Route 53 mocked)', () => {
  it('deletes the NS record exactly as read, waits for INSYNC, then deletes the zone', async () => {
    route53.on(ChangeResourceRecordSetsCommand).resolves({
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING',
        SubmittedAt: new Date(),
      },
    });
    route53
      .on(GetChangeCommand)
      .resolvesOnce({
        ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
      })
      .resolves({
        ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
      });
    route53.on(DeleteHostedZoneCommand).resolves({
      ChangeInfo: {
        Id: '/change/C2',
        Status: 'PENDING',
        SubmittedAt: new Date(),
      },
    });

    const changes = await undelegate();

    expect(changes.map(change => change.status)).toEqual([
      'removed',
      'removed',
    ]);
    expect(operations()).toEqual([
      'ChangeResourceRecordSets',
      'GetChange',
      'GetChange',
      'DeleteHostedZone',
    ]);
    expect(
      route53.commandCalls(ChangeResourceRecordSetsCommand)[0].args[0].input,
    ).toEqual({
      HostedZoneId: 'ZPARENT',
      ChangeBatch: {
        Comment: 'Undelegate orders.acme.com (internal-api:dns:undelegate)',
        Changes: [{ Action: 'DELETE', ResourceRecordSet: nsRecord }],
      },
    });
    expect(
      route53.commandCalls(DeleteHostedZoneCommand)[0].args[0].input,
    ).toEqual({ Id: 'ZCHILD' });
  });

  it('takes "not found" for a record already gone (a lost answer), re-reading to be sure', async () => {
    route53
      .on(ChangeResourceRecordSetsCommand)
      .rejects(
        failure(
          'InvalidChangeBatch',
          "Tried to delete resource record set [name='orders.acme.com.', type='NS'] but it was not found",
        ),
      );
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [],
      IsTruncated: false,
      MaxItems: 300,
    });
    route53.on(DeleteHostedZoneCommand).resolves({
      ChangeInfo: { Id: 'C2', Status: 'PENDING', SubmittedAt: new Date() },
    });

    const changes = await undelegate();

    expect(changes.map(change => change.status)).toEqual([
      'removed',
      'removed',
    ]);
    expect(operations()).toEqual([
      'ChangeResourceRecordSets',
      'ListResourceRecordSets',
      'DeleteHostedZone',
    ]);
  });

  it('removes nothing when the NS record changed since the plan, and says what it holds now', async () => {
    route53
      .on(ChangeResourceRecordSetsCommand)
      .rejects(failure('InvalidChangeBatch', 'values provided do not match'));
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        {
          ...nsRecord,
          TTL: 300,
          ResourceRecords: [{ Value: 'ns1.elsewhere.net' }],
        },
      ],
      IsTruncated: false,
      MaxItems: 300,
    });

    const error: Error = await undelegate().catch(thrown => thrown);
    expect(error).toMatchObject({
      name: 'InputError',
      message:
        'NS orders.acme.com in acme.com (zone ZPARENT) changed while the task ran (now ns1.elsewhere.net, TTL 300), ' +
        'so it was not removed. Run the task again: it reads the record again and removes it only if it still ' +
        'delegates to the zone.\nNothing was removed before this failure.',
    });
    // The step's log shows the stack: the lines once, though it was first formatted after they were added.
    expect(error.stack!.split('Nothing was removed before').length).toBe(2);
    expect(route53.commandCalls(DeleteHostedZoneCommand)).toEqual([]);
  });

  it('names the records a zone got after the plan (HostedZoneNotEmpty), and the NS record it had removed', async () => {
    route53.on(ChangeResourceRecordSetsCommand).resolves({
      ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
    });
    route53.on(GetChangeCommand).resolves({
      ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
    });
    route53.on(DeleteHostedZoneCommand).rejects(failure('HostedZoneNotEmpty'));
    route53.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        nsRecord,
        { Name: 'orders.acme.com.', Type: 'SOA' },
        { Name: 'orders.acme.com.', Type: 'A' },
      ],
      IsTruncated: false,
      MaxItems: 300,
    });

    const error: Error = await undelegate().catch(thrown => thrown);
    expect(error.message).toBe(
      "domainName 'orders.acme.com': Route 53 did not delete the zone (HostedZoneNotEmpty): zone ZCHILD in " +
        'account 444455556666 still holds 1 record besides its SOA and NS (A orders.acme.com): ' +
        "the API's stack is still deployed, or left them behind. Remove the stack first, as " +
        '"Removing the stack" in the README of the API\'s generated repository says, then re-run.\n' +
        'Removed before this failure (a re-run finds it absent):\n' +
        '- NS orders.acme.com in acme.com (zone ZPARENT)',
    );
  });

  it('counts a zone already deleted (NoSuchHostedZone) as removed', async () => {
    route53.on(DeleteHostedZoneCommand).rejects(failure('NoSuchHostedZone'));
    // A retry of the task: the NS removal's change id is in its checkpoint.
    const store = new Map<string, JsonValue>([['ns', 'C0']]);
    route53.on(GetChangeCommand).resolves({
      ChangeInfo: { Id: 'C0', Status: 'INSYNC', SubmittedAt: new Date() },
    });

    const changes = await undelegate(store);

    expect(changes.map(change => change.status)).toEqual([
      'removed',
      'removed',
    ]);
    expect(route53.commandCalls(ChangeResourceRecordSetsCommand)).toEqual([]);
  });
});
