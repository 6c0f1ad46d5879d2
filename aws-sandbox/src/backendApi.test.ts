import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backendApi, waitForEntity } from './backendApi';

describe('backendApi', () => {
  const received: {
    method?: string;
    url?: string;
    auth?: string;
    body: string;
  }[] = [];
  let entityAfter = 0;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', chunk => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        auth: request.headers.authorization,
        body,
      });
      if (request.url === '/api/echo') {
        response
          .writeHead(201, {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': '7',
          })
          .end(JSON.stringify({ got: JSON.parse(body || 'null') }));
      } else if (request.url === '/api/empty') {
        response.writeHead(204).end();
      } else if (request.url === '/api/text') {
        response
          .writeHead(502, { 'content-type': 'text/html' })
          .end('<h1>no</h1>');
      } else if (
        request.url === '/api/catalog/entities/by-name/component/default/x' &&
        --entityAfter < 0
      ) {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"metadata":{"name":"x"}}');
      } else {
        response
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"name":"NotFoundError"}}');
      }
    });
  });
  let baseUrl: string;
  beforeAll(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    received.length = 0;
  });

  it('sends JSON with the caller’s authorization and parses the JSON answer', async () => {
    const api = backendApi(baseUrl, 'Bearer abc');

    const posted = await api.post('/api/echo', { a: 1 });
    const got = await api.get('/api/echo');

    expect(posted).toMatchObject({ status: 201, body: { got: { a: 1 } } });
    expect(posted.headers.get('retry-after')).toBe('7');
    expect(got.body).toEqual({ got: null });
    expect(received).toEqual([
      { method: 'POST', url: '/api/echo', auth: 'Bearer abc', body: '{"a":1}' },
      { method: 'GET', url: '/api/echo', auth: 'Bearer abc', body: '' },
    ]);
  });

  it('appends routes to a base URL with a path, and passes other methods through', async () => {
    const api = backendApi(`${baseUrl}/api`, 'Bearer abc');
    await api.call('DELETE', '/echo');
    expect(received.map(r => `${r.method} ${r.url}`)).toEqual([
      'DELETE /api/echo',
    ]);
  });

  it('returns an empty answer as undefined and a non-JSON one as text', async () => {
    const api = backendApi(baseUrl, 'Bearer abc');
    await expect(api.get('/api/empty')).resolves.toMatchObject({
      status: 204,
      body: undefined,
    });
    await expect(api.get('/api/text')).resolves.toMatchObject({
      status: 502,
      body: '<h1>no</h1>',
    });
  });

  it('waits for a catalog entity, and says which one never came', async () => {
    const api = backendApi(baseUrl, 'Bearer abc');
    entityAfter = 2;

    await expect(
      waitForEntity(api, 'component', 'x', { intervalMs: 10 }),
    ).resolves.toEqual({ metadata: { name: 'x' } });
    expect(received).toHaveLength(3);
    await expect(
      waitForEntity(api, 'api', 'missing', { timeoutMs: 50, intervalMs: 10 }),
    ).rejects.toThrow(
      'api:default/missing not in the catalog after 50 ms (last answer: HTTP 404)',
    );
  });
});
