import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import {
  AwsClient,
  createAwsAccess,
  isAwsError,
  route53Region,
} from './access';
import type { AccountCredentials } from './credentials';

describe('createAwsAccess', () => {
  const keys: AccountCredentials = {
    forAccount: async () => async () => ({
      accessKeyId: 'testing',
      secretAccessKey: 'testing',
    }),
  };
  const orders = { accountId: '444455556666', region: 'eu-west-1' };

  function access(credentials = keys) {
    const opened: AwsClient[] = [];
    const destroyed: AwsClient[] = [];
    const aws = createAwsAccess({
      credentials,
      clientConfig: { maxAttempts: 1 },
      onClient: client => {
        opened.push(client);
        jest
          .spyOn(client, 'destroy')
          .mockImplementation(() => destroyed.push(client));
      },
    });
    return { aws, opened, destroyed };
  }

  it('opens one client per service, account and region, and closes them all however use settles', async () => {
    const { aws, opened, destroyed } = access();
    await expect(
      aws.withClients('user:default/jane.doe', async clients => {
        const first = await clients.ec2(orders);
        expect(await clients.ec2(orders)).toBe(first);
        await clients.ec2({ ...orders, region: 'us-east-1' });
        await clients.route53(orders.accountId, orders.region);
        throw new Error('use failed');
      }),
    ).rejects.toThrow('use failed');
    expect(opened).toHaveLength(3);
    expect(destroyed).toEqual(opened);
  });

  it('asks Route 53 in the partition of the account', () => {
    expect(route53Region('eu-west-1')).toBe('us-east-1');
    expect(route53Region('us-gov-east-1')).toBe('us-gov-west-1');
    expect(route53Region('cn-north-1')).toBe('cn-northwest-1');
    expect(route53Region('us-iso-east-1')).toBe('us-iso-east-1');
    expect(route53Region('us-isob-east-1')).toBe('us-isob-east-1');
  });

  it('tells AWS errors (a call that could not be made, credentials refused) from our own', async () => {
    const { aws } = access();
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1'; // nothing listens: the call fails in the SDK
    try {
      const unreachable = await aws
        .withClients(undefined, async clients =>
          (await clients.ec2(orders)).send(new DescribeVpcsCommand({})),
        )
        .catch(error => error);
      expect(isAwsError(unreachable)).toBe(true);
    } finally {
      if (previous === undefined) {
        delete process.env.AWS_ENDPOINT_URL;
      } else {
        process.env.AWS_ENDPOINT_URL = previous;
      }
    }

    const ours = await aws
      .withClients(undefined, async () => {
        throw new Error('our refusal');
      })
      .catch(error => error);
    expect(isAwsError(ours)).toBe(false);

    const refused = await access({
      forAccount: async () => {
        throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
      },
    })
      .aws.withClients(undefined, clients => clients.ec2(orders))
      .catch(error => error);
    expect(refused.name).toBe('AccessDenied');
    expect(isAwsError(refused)).toBe(true);
  });
});
