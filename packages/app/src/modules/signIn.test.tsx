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
import { screen, waitFor } from '@testing-library/react';
import { ConfiguredSignInPage } from './signIn';

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

/** The page as the app renders it, with `providers` as the backend's config names them. */
async function renderWith(providers: object) {
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
      <ConfiguredSignInPage onSignInSuccess={jest.fn()} />
    </TestApiProvider>,
  );
}

describe('ConfiguredSignInPage', () => {
  const fetchMock = jest.fn(async () => new Response('{}', { status: 401 }));
  beforeEach(() => {
    fetchMock.mockClear();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it('offers GitHub, and never guest sign-in, when GitHub is configured (production)', async () => {
    await renderWith({ github: {} });

    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still offers only GitHub when a guest block is loaded beside it', async () => {
    await renderWith({ github: {}, guest: {} });

    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as a guest without a click when guest is all there is (npm start)', async () => {
    await renderWith({ guest: {} });

    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        'http://backend.test/api/auth/guest/refresh',
        expect.anything(),
      ),
    );
    expect(screen.queryByText('GitHub')).not.toBeInTheDocument();
  });

  it('says what to configure when no provider is', async () => {
    await renderWith({});

    expect(
      await screen.findByText(/No sign-in provider is configured/),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
