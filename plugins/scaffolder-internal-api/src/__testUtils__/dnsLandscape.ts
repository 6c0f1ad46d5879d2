import {
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { ConfigReader } from '@backstage/config';
import { accountClientConfig, MotoServer } from '@internal/aws-sandbox';
import { readInternalApiConfig } from '../config';
import {
  emulatorAwsConfig,
  ORDERS_ACCOUNT,
  PAYMENTS_ACCOUNT,
  REGION,
  startEmulator,
} from './landscape';

export const DNS_ACCOUNT = '222233334444';

export async function route53In(moto: MotoServer, accountId: string) {
  return new Route53Client({
    ...(await accountClientConfig(moto, accountId)),
    region: 'us-east-1',
  });
}

/**
 * A DNS account holding the parent zones acme.com and internal.acme.com, and
 * two workload accounts, each reached by assuming a role.
 */
export async function startDnsLandscape() {
  const moto = await startEmulator();

  const dns = await route53In(moto, DNS_ACCOUNT);
  const createZone = async (name: string) => {
    const { HostedZone } = await dns.send(
      new CreateHostedZoneCommand({ Name: name, CallerReference: name }),
    );
    return HostedZone!.Id!.replace('/hostedzone/', '');
  };
  const parentZoneIds = {
    'acme.com': await createZone('acme.com'),
    'internal.acme.com': await createZone('internal.acme.com'),
  };
  dns.destroy();

  const account = (accountId: string, title: string) => ({
    accountId,
    title,
    region: REGION,
    vpcId: 'vpc-0a1b2c3d',
  });
  const config = new ConfigReader({
    aws: emulatorAwsConfig,
    internalApi: {
      workloadAccounts: [
        account(ORDERS_ACCOUNT, 'Orders (prod)'),
        account(PAYMENTS_ACCOUNT, 'Payments (prod)'),
      ],
      parentZones: Object.entries(parentZoneIds).map(
        ([domain, hostedZoneId]) => ({
          domain,
          hostedZoneId,
          accountId: DNS_ACCOUNT,
        }),
      ),
    },
  });
  return {
    moto,
    config,
    internalApi: readInternalApiConfig(config),
    parentZoneIds,
  };
}
