import {
  GetChangeCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../aws/access';
import type { InternalApiConfig } from '../config';
import { readDns } from './readDns';

// The delegation's propagation as the card sees it, with Route 53 mocked: moto
// answers every GetChange INSYNC, whatever the id, and never NoSuchChange.
// That the create path leaves the change PENDING is the delegate action's
// pending test; this is the status reading it later.
const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());

const WORKLOAD = '444455556666';
const DNS = '222233334444';
const nameServers = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'];

/** One client per account, so a test can tell whose credentials a call went out with. */
const accountClients = () => {
  const byAccount = new Map<string, Route53Client>();
  const clients: AwsClients = {
    ec2: () => Promise.reject(new Error('no EC2 here')),
    route53: async accountId => {
      if (!byAccount.has(accountId)) {
        byAccount.set(accountId, new Route53Client({ region: 'us-east-1' }));
      }
      return byAccount.get(accountId)!;
    },
  };
  return { clients, byAccount };
};

const internalApi = {
  parentZones: [
    { domain: 'acme.com', hostedZoneId: 'ZPARENT', accountId: DNS },
  ],
} as Pick<InternalApiConfig, 'parentZones'> as InternalApiConfig;

const request = (delegationChangeId?: string) => ({
  entityRef: 'component:default/orders-api',
  apiName: 'orders-api',
  accountId: WORKLOAD,
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  domain: 'orders.acme.com',
  hostedZoneId: 'ZCHILD',
  consumers: [],
  ...(delegationChangeId ? { delegationChangeId } : {}),
});

/** A delegated, empty zone: the parent's NS names the zone's name servers. */
function delegatedZone() {
  route53.on(GetHostedZoneCommand).resolves({
    HostedZone: {
      Id: '/hostedzone/ZCHILD',
      Name: 'orders.acme.com.',
      CallerReference: 'internal-api/orders-api/task-1',
    },
    DelegationSet: { NameServers: nameServers },
  });
  route53.on(ListResourceRecordSetsCommand).resolves({
    ResourceRecordSets: [
      {
        Name: 'orders.acme.com.',
        Type: 'NS',
        ResourceRecords: nameServers.map(Value => ({ Value })),
      },
    ],
    IsTruncated: false,
    MaxItems: 300,
  });
}

describe('readDns: whether the delegation is in sync yet (Route 53 mocked)', () => {
  it('reports the change propagating, then in sync, asking with the DNS account', async () => {
    delegatedZone();
    route53
      .on(GetChangeCommand)
      .resolvesOnce({
        ChangeInfo: {
          Id: '/change/C2682N5HXP0BZ4',
          Status: 'PENDING',
          SubmittedAt: new Date('2026-11-26T10:00:00Z'),
        },
      })
      .resolves({
        ChangeInfo: {
          Id: '/change/C2682N5HXP0BZ4',
          Status: 'INSYNC',
          SubmittedAt: new Date('2026-11-26T10:00:00Z'),
        },
      });
    const { clients, byAccount } = accountClients();

    const propagating = await readDns(
      internalApi,
      clients,
      request('C2682N5HXP0BZ4'),
    );
    const inSync = await readDns(
      internalApi,
      clients,
      request('C2682N5HXP0BZ4'),
    );

    expect(propagating.delegation).toMatchObject({
      state: 'present',
      change: {
        id: 'C2682N5HXP0BZ4',
        status: 'PENDING',
        submittedAt: '2026-11-26T10:00:00.000Z',
      },
    });
    expect(propagating.delegation.todo).toBeUndefined();
    expect(inSync.delegation.change).toEqual({
      id: 'C2682N5HXP0BZ4',
      status: 'INSYNC',
      submittedAt: '2026-11-26T10:00:00.000Z',
    });
    // The change is the parent zone's: asked with the DNS account's client.
    const asked = route53.commandCalls(GetChangeCommand);
    expect(asked.map(call => call.args[0].input)).toEqual([
      { Id: 'C2682N5HXP0BZ4' },
      { Id: 'C2682N5HXP0BZ4' },
    ]);
    expect(asked.map(call => call.thisValue)).toEqual([
      byAccount.get(DNS),
      byAccount.get(DNS),
    ]);
  });

  it('reports a change Route 53 no longer knows (NoSuchChange) as in sync', async () => {
    delegatedZone();
    route53.on(GetChangeCommand).rejects(
      Object.assign(new Error('No change with id C0LD'), {
        name: 'NoSuchChange',
      }),
    );
    const { delegation } = await readDns(
      internalApi,
      accountClients().clients,
      request('C0LD'),
    );
    expect(delegation).toMatchObject({
      state: 'present',
      change: { id: 'C0LD', status: 'INSYNC' },
    });
  });

  it('asks nothing about a change the entity does not name', async () => {
    delegatedZone();
    const { delegation } = await readDns(
      internalApi,
      accountClients().clients,
      request(),
    );
    expect(delegation.state).toBe('present');
    expect(delegation.change).toBeUndefined();
    expect(route53.commandCalls(GetChangeCommand)).toEqual([]);
  });
});
