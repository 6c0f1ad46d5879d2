import type { PlacementPreviewRequest } from '@internal/plugin-internal-api-common';
import { InternalApiClient } from './InternalApiClient';

function clientAnswering(answer: () => Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => answer());
  const client = new InternalApiClient({
    discoveryApi: {
      getBaseUrl: async plugin => `http://backend/api/${plugin}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { client, fetch };
}

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const request: PlacementPreviewRequest = {
  accountId: '444455556666',
  region: 'eu-west-1',
  subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
};

describe('InternalApiClient', () => {
  it('calls the internal-api backend and unwraps lists', async () => {
    const { client, fetch } = clientAnswering(() =>
      json(200, { items: ['acme.com'] }),
    );
    await expect(client.listParentDomains()).resolves.toEqual(['acme.com']);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/internal-api/parent-domains',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it("asks for an entity's status at its kind/namespace/name", async () => {
    const { client, fetch } = clientAnswering(() => json(200, { drift: [] }));
    await client.getStatus({
      kind: 'Component',
      namespace: 'default',
      name: 'orders-api',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/internal-api/status/Component/default/orders-api',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('asks once for identical previews in flight, again once answered', async () => {
    const { client, fetch } = clientAnswering(() =>
      json(200, { zones: [], problems: [] }),
    );
    const [first, second] = await Promise.all([
      client.previewPlacement(request),
      client.previewPlacement({ ...request }),
    ]);
    expect(first).toBe(second);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetch.mock.calls[0][1]!.body as string)).toEqual(request);

    await client.previewPlacement(request);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks once for a list two fields want at the same moment', async () => {
    const { client, fetch } = clientAnswering(() =>
      json(200, { items: [{ name: 'customer-api' }] }),
    );
    await Promise.all([client.listConsumers(), client.listConsumers()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("asks for an API's current consumers by its entity ref", async () => {
    const { client, fetch } = clientAnswering(() => json(200, { items: [] }));
    await client.listConsumers({ currentOf: 'component:default/orders-api' });
    expect(fetch.mock.calls[0][0]).toMatch(
      /\/consumers\?currentOf=component%3Adefault%2Forders-api$/,
    );
  });

  it('answers a refusal of the values, which the backend sends as HTTP 200', async () => {
    const refusal = {
      problems: ['accountId: must be a 12-digit AWS account id'],
    };
    const { client } = clientAnswering(() => json(200, refusal));
    await expect(client.previewPlacement(request)).resolves.toEqual(refusal);
  });

  it("throws the backend's own message when AWS could not be asked", async () => {
    const unavailable =
      "AWS could not be asked for the subnets. Try again; if it persists, the platform team should check the backend's AWS access (details are in the backend log).";
    const { client } = clientAnswering(() =>
      json(503, {
        error: { name: 'ServiceUnavailableError', message: unavailable },
      }),
    );
    await expect(client.previewPlacement(request)).rejects.toThrow(unavailable);
  });

  it('names the status when the answer carries no message', async () => {
    const { client } = clientAnswering(
      () => new Response('Bad gateway', { status: 502 }),
    );
    await expect(client.listAccounts()).rejects.toThrow(
      'The internal-api backend answered HTTP 502 for /accounts',
    );
  });
});
