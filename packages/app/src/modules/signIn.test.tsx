import {
  configApiRef,
  discoveryApiRef,
  githubAuthApiRef,
} from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ConfiguredSignInPage, SANDBOX_PERSON_STORAGE_KEY } from './signIn';

const discovery = {
  getBaseUrl: async (pluginId: string) => `http://backend.test/api/${pluginId}`,
};
// GitHub has no session yet: the page shows its button instead of signing in.
const github = {
  getBackstageIdentity: async () => undefined,
  getProfile: async () => undefined,
  signIn: async () => {},
  signOut: async () => {},
};
const sandbox = {
  people: [
    { name: 'sam', title: 'Sam — Orders team', description: 'Orders.' },
    { name: 'pat', title: 'Pat — Payments team', description: 'Payments.' },
  ],
};
const refreshUrl = 'http://backend.test/api/auth/sandbox/refresh';
// What the backend answers a sandbox sign-in: a session as Pat.
const patSession = {
  profile: { displayName: 'Pat — Payments team' },
  backstageIdentity: {
    token: 'a.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvcGF0In0.c',
    identity: {
      type: 'user',
      userEntityRef: 'user:default/pat',
      ownershipEntityRefs: ['user:default/pat', 'group:default/payments-team'],
    },
  },
};

/** The page as the app renders it, with `providers` as the backend's config names them. */
async function renderWith(providers: object, onSignInSuccess = jest.fn()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({
            data: { app: { title: 'Test' }, auth: { providers } },
          }),
        ],
        [discoveryApiRef, discovery],
        [githubAuthApiRef, github],
      ]}
    >
      <ConfiguredSignInPage onSignInSuccess={onSignInSuccess} />
    </TestApiProvider>,
  );
  return onSignInSuccess;
}

/** The header values of every sign-in request so far. */
const sentPeople = (fetchMock: jest.Mock) =>
  fetchMock.mock.calls
    .filter(([url]) => url === refreshUrl)
    .map(([, init]) => new Headers(init.headers).get('x-sandbox-person'));

describe('ConfiguredSignInPage', () => {
  const fetchMock = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(patSession), { status: 200 }),
  );
  beforeEach(() => {
    fetchMock.mockClear();
    localStorage.clear();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it('offers GitHub, and never the sandbox, when GitHub is configured (production)', async () => {
    await renderWith({ github: {} });

    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still offers only GitHub when a sandbox block is loaded beside it', async () => {
    await renderWith({ github: {}, sandbox });

    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(screen.queryByText('Sign in as Pat')).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("lists the sandbox's people, and signs in as the one chosen with their name in the header", async () => {
    const onSignInSuccess = await renderWith({ sandbox });

    expect(await screen.findByText('Sam — Orders team')).toBeInTheDocument();
    expect(screen.getByText('Payments.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in as Pat' }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    expect(sentPeople(fetchMock)).toEqual(['pat']);
    expect(localStorage.getItem(SANDBOX_PERSON_STORAGE_KEY)).toBe('pat');
    const identity = onSignInSuccess.mock.calls[0][0];
    expect(await identity.getBackstageIdentity()).toEqual(
      patSession.backstageIdentity.identity,
    );
    // Older plugins still reach the session's deprecated methods through the app's identity.
    expect(identity.getUserId()).toBe('pat');

    // Settings → Sign out forgets the choice, so the next page load asks again.
    await identity.signOut();
    expect(localStorage.getItem(SANDBOX_PERSON_STORAGE_KEY)).toBeNull();
  });

  it('signs in as the remembered person without asking (a reload)', async () => {
    localStorage.setItem(SANDBOX_PERSON_STORAGE_KEY, 'pat');
    const onSignInSuccess = await renderWith({ sandbox });

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    expect(sentPeople(fetchMock)).toEqual(['pat']);
    expect(screen.queryByText('Sign in as Sam')).not.toBeInTheDocument();
  });

  it('asks again when the remembered person is no longer offered', async () => {
    localStorage.setItem(SANDBOX_PERSON_STORAGE_KEY, 'someone-removed');
    await renderWith({ sandbox });

    expect(
      await screen.findByRole('button', { name: 'Sign in as Sam' }),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal and lets one choose someone else", async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'Pat — Payments team is not in the catalog',
          },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ),
    );
    localStorage.setItem(SANDBOX_PERSON_STORAGE_KEY, 'pat');
    await renderWith({ sandbox });

    expect(
      await screen.findByText(/Could not sign in as Pat/),
    ).toBeInTheDocument();
    expect(screen.getByText(/is not in the catalog/)).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Choose someone else' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Sign in as Sam' }),
    ).toBeInTheDocument();
    expect(localStorage.getItem(SANDBOX_PERSON_STORAGE_KEY)).toBeNull();
  });

  it('says what to configure when no provider is', async () => {
    await renderWith({});

    expect(
      await screen.findByText(/No sign-in provider is configured/),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
