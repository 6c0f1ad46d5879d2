import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsAccess, ROUTE53_MAX_ATTEMPTS } from './access';
import type { AccountCredentials } from './credentials';
import { createNsRecord } from './route53';

// moto never throttles, so a local HTTP server stands in for Route 53 here:
// it answers ChangeResourceRecordSets with Route 53's own 400 errors
// (PriorRequestNotComplete, Throttling) as many times as a test says, then
// accepts the change. The real SDK client, retry strategy and XML parser run.
describe('Route 53 clients retry what Route 53 asks to retry', () => {
  const keys: AccountCredentials = {
    forAccount: async () => async () => ({
      accessKeyId: 'testing',
      secretAccessKey: 'testing',
    }),
  };
  const refusals = {
    PriorRequestNotComplete:
      'The request was rejected because Route 53 was still processing a prior request.',
    Throttling: 'Rate exceeded',
  };
  let server: http.Server;
  let answers: (keyof typeof refusals)[] = [];
  let received = 0;
  let previous: string | undefined;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        const code = answers.shift();
        response.writeHead(code ? 400 : 200, { 'content-type': 'text/xml' });
        response.end(
          code
            ? '<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
                `<Error><Type>Sender</Type><Code>${code}</Code><Message>${refusals[code]}</Message></Error>` +
                `<RequestId>r-${received}</RequestId></ErrorResponse>`
            : '<?xml version="1.0"?>\n<ChangeResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
                '<ChangeInfo><Id>/change/C42</Id><Status>PENDING</Status><SubmittedAt>2026-11-26T12:00:00Z</SubmittedAt></ChangeInfo>' +
                '</ChangeResourceRecordSetsResponse>',
        );
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }`;
  });
  afterAll(async () => {
    if (previous === undefined) {
      delete process.env.AWS_ENDPOINT_URL;
    } else {
      process.env.AWS_ENDPOINT_URL = previous;
    }
    await new Promise(resolve => server.close(resolve));
  });
  beforeEach(() => {
    received = 0;
    // The SDK's backoff is `random * base * 2^retry` (full jitter): a random of 0 keeps
    // the waits at 0 ms, so the attempt counts, not the clock, are what is tested.
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => jest.restoreAllMocks());

  const delegate = (clientConfig?: { maxAttempts?: number }) =>
    createAwsAccess({ credentials: keys, clientConfig }).withClients(
      undefined,
      async clients =>
        createNsRecord(
          await clients.route53('111122223333', 'eu-west-1'),
          'ZPARENT',
          'orders.acme.com',
          ['ns-1.awsdns-01.com'],
          3600,
        ),
    );

  it('retries a change Route 53 refuses while it processes a prior one, or throttles, until it is accepted', async () => {
    answers = [
      'PriorRequestNotComplete',
      'Throttling',
      'PriorRequestNotComplete',
      'PriorRequestNotComplete',
    ];
    await expect(delegate()).resolves.toMatchObject({ id: 'C42' });
    expect(received).toBe(5);
  });

  it(`gives up after ${ROUTE53_MAX_ATTEMPTS} attempts with the SDK's error`, async () => {
    answers = Array(ROUTE53_MAX_ATTEMPTS + 1).fill('PriorRequestNotComplete');
    const error = await delegate().catch(e => e);
    expect(error.name).toBe('PriorRequestNotComplete');
    expect(error.message).toBe(refusals.PriorRequestNotComplete);
    expect(error.$metadata.attempts).toBe(ROUTE53_MAX_ATTEMPTS);
    expect(received).toBe(ROUTE53_MAX_ATTEMPTS);
  });

  it('keeps a maxAttempts the caller sets (e.g. 1 against an emulator)', async () => {
    answers = ['Throttling', 'Throttling'];
    const error = await delegate({ maxAttempts: 2 }).catch(e => e);
    expect(error.name).toBe('Throttling');
    expect(error.$metadata.attempts).toBe(2);
    expect(received).toBe(2);

    answers = ['Throttling'];
    received = 0;
    await expect(delegate({ maxAttempts: 1 })).rejects.toThrow('Rate exceeded');
    expect(received).toBe(1);
  });
});
