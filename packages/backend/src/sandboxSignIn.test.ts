import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { backendApi, waitForEntity } from '@internal/aws-sandbox';
import type { Request } from 'express';
import path from 'node:path';
import {
  configFiles,
  loadConfigs,
  repoRoot,
} from './__testUtils__/configFiles';
import {
  authModuleSandboxProvider,
  readSandboxPeople,
  sandboxAuthenticator,
} from './sandboxSignIn';

const orgFile = path.join(repoRoot, 'org', 'sandbox.yaml');

const sandboxBlock = new ConfigReader({
  people: [
    { name: 'sam', title: 'Sam — Orders team', description: 'Orders.' },
    { name: 'pat', title: 'Pat — Payments team', description: 'Payments.' },
  ],
});

/** A request with the given headers, as the proxy provider's /refresh receives it. */
const request = (headers: Record<string, string>) =>
  ({ header: (name: string) => headers[name.toLowerCase()] } as Request);

/** The authenticator as the auth backend starts it under `nodeEnv`. */
function authenticatorIn(nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const ctx = sandboxAuthenticator.initialize({ config: sandboxBlock });
    return (headers: Record<string, string>) =>
      sandboxAuthenticator.authenticate({ req: request(headers) }, ctx);
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('sandboxAuthenticator', () => {
  const authenticate = authenticatorIn('development');

  it('signs in as the listed person the header names', async () => {
    await expect(authenticate({ 'x-sandbox-person': 'pat' })).resolves.toEqual({
      result: {
        person: {
          name: 'pat',
          title: 'Pat — Payments team',
          description: 'Payments.',
        },
      },
    });
  });

  it('refuses a person the config does not list, naming whom it offers', async () => {
    await expect(
      authenticate({ 'x-sandbox-person': 'mallory' }),
    ).rejects.toThrow(
      "'mallory' is not one of the sandbox's people (auth.providers.sandbox.people): sign in as one of sam, pat.",
    );
  });

  it('refuses a request that names nobody', async () => {
    await expect(authenticate({})).rejects.toThrow(
      'Say whom to sign in as in the x-sandbox-person header: one of sam, pat.',
    );
  });

  it('refuses everyone outside development, with no override', async () => {
    await expect(
      authenticatorIn('production')({ 'x-sandbox-person': 'sam' }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(/for local use only/),
    });
  });
});

/**
 * The real auth and catalog backends, the catalog reading org/sandbox.yaml
 * and the provider configured by app-config.sandbox-people.yaml, plus one person the
 * config lists whom the catalog does not know.
 */
describe('sign-in as a sandbox person, through /api/auth/sandbox/refresh', () => {
  let backend: TestBackend;
  let baseUrl: string;

  beforeAll(async () => {
    const config = ConfigReader.fromConfigs(
      await loadConfigs([configFiles.defaults, configFiles.sandboxPeople]),
    );
    const sandbox = config.getConfig('auth.providers.sandbox');
    // Spread into plain objects: the mock config takes JSON, which an interface is not to TypeScript.
    const people = [
      ...readSandboxPeople(sandbox).map(person => ({ ...person })),
      { name: 'kim', title: 'Kim — not in the catalog', description: 'Kim.' },
    ];
    // The provider reads NODE_ENV when the auth backend starts it; jest runs with 'test'.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          authPlugin,
          authModuleSandboxProvider,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              auth: { providers: { sandbox: { people } } },
              catalog: {
                locations: [
                  {
                    type: 'file',
                    target: orgFile,
                    rules: [{ allow: ['User', 'Group'] }],
                  },
                ],
              },
            },
          }),
        ],
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    baseUrl = `http://localhost:${backend.server.port()}`;
    // The catalog reads its locations a few seconds after start.
    await waitForEntity(
      backendApi(baseUrl, mockCredentials.user.header()),
      'user',
      'lee',
      { timeoutMs: 20_000 },
    );
  }, 60_000);

  afterAll(() => backend?.stop());

  const refresh = (person: string) =>
    fetch(`${baseUrl}/api/auth/sandbox/refresh`, {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-sandbox-person': person,
      },
    });

  it("signs Pat in as the catalog's Pat, owning what the Payments team owns", async () => {
    const response = await refresh('pat');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      profile: { displayName: 'Pat — Payments team' },
      backstageIdentity: {
        identity: {
          userEntityRef: 'user:default/pat',
          ownershipEntityRefs: [
            'user:default/pat',
            'group:default/payments-team',
          ],
        },
      },
    });
  });

  it('signs Lee, in no team, in owning nothing but Lee', async () => {
    const response = await refresh('lee');

    expect((await response.json()).backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/lee',
      ownershipEntityRefs: ['user:default/lee'],
    });
  });

  it('refuses a person the config does not list', async () => {
    const response = await refresh('mallory');

    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(
      /^'mallory' is not one of the sandbox's people/,
    );
  });

  it('says why when the catalog has no such User', async () => {
    const response = await refresh('kim');

    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(
      /^Kim — not in the catalog is not in the catalog \(no user:default\/kim\): it reads org\/sandbox.yaml/,
    );
  });
});
