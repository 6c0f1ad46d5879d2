import { ConfigReader } from '@backstage/config';
import { findWorkloadAccount, readInternalApiConfig } from './config';

const account = (accountId: string) => ({
  accountId,
  title: `Account ${accountId}`,
  region: 'eu-west-1',
  vpcId: 'vpc-0a1b2c3d',
});

describe('readInternalApiConfig', () => {
  it('reads every block, normalising parent domains', () => {
    const config = readInternalApiConfig(
      new ConfigReader({
        internalApi: {
          workloadAccounts: [account('444455556666')],
          consumers: [
            {
              name: 'customer-api',
              accountId: '777788889999',
              region: 'eu-west-1',
              vpcId: 'vpc-0f0e0d0c',
            },
          ],
          transitGateway: {
            accountId: '111122223333',
            region: 'eu-west-1',
            id: 'tgw-0123abcd',
          },
          parentZones: [
            {
              domain: 'Acme.com.',
              hostedZoneId: 'Z0123ABC',
              accountId: '222233334444',
            },
          ],
        },
      }),
    );

    expect(config.workloadAccounts).toEqual([account('444455556666')]);
    expect(config.consumers[0].name).toBe('customer-api');
    expect(config.transitGateway).toEqual({
      accountId: '111122223333',
      region: 'eu-west-1',
      id: 'tgw-0123abcd',
      routeTableId: undefined,
    });
    expect(config.parentZones[0].domain).toBe('acme.com');
  });

  it('is empty, not an error, when the block is absent', () => {
    expect(readInternalApiConfig(new ConfigReader({}))).toEqual({
      workloadAccounts: [],
      consumers: [],
      parentZones: [],
      access: { admins: [], workloadAccounts: [], consumers: [] },
    });
  });

  it('refuses a workload account listed twice', () => {
    expect(() =>
      readInternalApiConfig(
        new ConfigReader({
          internalApi: {
            workloadAccounts: [
              account('444455556666'),
              account('444455556666'),
            ],
          },
        }),
      ),
    ).toThrow(
      'internalApi.workloadAccounts[].accountId must be unique; repeated: 444455556666',
    );
  });
});

describe('findWorkloadAccount', () => {
  it('says how to configure accounts when there are none', () => {
    expect(() =>
      findWorkloadAccount(
        readInternalApiConfig(new ConfigReader({})),
        '444455556666',
      ),
    ).toThrow(
      /no workload accounts are configured\. A platform engineer adds them under internalApi\.workloadAccounts/,
    );
  });
});
