import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACCOUNTS, SANDBOX_GROUPS } from '@internal/aws-sandbox';
import { startLookupServer } from './__testUtils__/lookupServer';

const MAIN_ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${SANDBOX_ACCOUNTS.orders}:role/backstage-internal-api`;
const USER_ARN = `arn:aws:iam::${MAIN_ACCOUNT}:user/backstage`;

/**
 * AWS refusing Backstage, as it words it: STS denies the AssumeRole and EC2
 * denies the call, both naming ARNs and account ids. moto grants everything,
 * so a loopback server answers every request with these errors instead.
 */
async function startDenyingAws() {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      response.writeHead(403, { 'content-type': 'text/xml' });
      response.end(
        body.includes('Action=AssumeRole')
          ? '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
              `<Code>AccessDenied</Code><Message>User: ${USER_ARN} is not authorized to perform: ` +
              `sts:AssumeRole on resource: ${ROLE_ARN}</Message></Error><RequestId>1</RequestId></ErrorResponse>`
          : '<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized ' +
              `to perform this operation. User: ${USER_ARN} is not authorized to perform: ec2:DescribeVpcs ` +
              `on resource ${ROLE_ARN}</Message></Error></Errors><RequestID>1</RequestID></Response>`,
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('the lookups when AWS refuses the backend', () => {
  let aws: Awaited<ReturnType<typeof startDenyingAws>>;
  let server: Awaited<ReturnType<typeof startLookupServer>>;

  beforeAll(async () => {
    aws = await startDenyingAws();
    process.env.AWS_ENDPOINT_URL = aws.endpoint;
    server = await startLookupServer({
      config: {
        aws: {
          mainAccount: { accessKeyId: 'testing', secretAccessKey: 'testing' },
          accountDefaults: {
            roleName: 'backstage-internal-api',
            region: 'eu-west-1',
          },
        },
        internalApi: {
          workloadAccounts: [
            {
              accountId: SANDBOX_ACCOUNTS.orders,
              title: 'Orders',
              region: 'eu-west-1',
              vpcId: 'vpc-0123456789abcdef0',
              owners: [SANDBOX_GROUPS.orders],
            },
          ],
        },
      },
      memberOf: () => [SANDBOX_GROUPS.orders],
    });
  });
  afterAll(async () => {
    await server?.stop();
    await aws?.stop();
  });

  it('answers 503 with what to do and no AWS text, and logs the AWS error', async () => {
    const { status, body } = await server.call(
      '/placement/preview',
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        subnetFilters: [],
      },
      'user:default/jane.doe',
    );

    expect(status).toBe(503);
    expect(body.error.message).toBe(
      "AWS could not be asked for the subnets. Try again; if it persists, the platform team should check the backend's AWS access (details are in the backend log).",
    );
    const answered = JSON.stringify(body);
    for (const secret of ['arn:aws', MAIN_ACCOUNT, SANDBOX_ACCOUNTS.orders]) {
      expect(answered).not.toContain(secret);
    }
    expect(server.logger.warn).toHaveBeenCalledWith(
      'AWS could not be asked for the subnets for user:default/jane.doe',
      expect.objectContaining({
        message: expect.stringContaining(ROLE_ARN),
      }),
    );
  });
});

describe('the lookups when something other than AWS fails', () => {
  it('answers 500, not 503: only AWS errors mean "AWS could not be asked"', async () => {
    const server = await startLookupServer({
      config: {
        internalApi: {
          workloadAccounts: [
            {
              accountId: SANDBOX_ACCOUNTS.orders,
              title: 'Orders',
              region: 'eu-west-1',
              vpcId: 'vpc-0123456789abcdef0',
              owners: [SANDBOX_GROUPS.orders],
            },
          ],
        },
      },
      aws: {
        withClients: async () => {
          throw new TypeError('a bug of ours');
        },
      },
      memberOf: () => [SANDBOX_GROUPS.orders],
    });
    try {
      const { status, body } = await server.call(
        '/placement/preview',
        {
          accountId: SANDBOX_ACCOUNTS.orders,
          region: 'eu-west-1',
          subnetFilters: [],
        },
        'user:default/jane.doe',
      );
      expect(status).toBe(500);
      expect(body.error.message).not.toMatch(/AWS could not be asked/);
      expect(server.logger.warn).not.toHaveBeenCalled();
    } finally {
      await server.stop();
    }
  });
});
