import {
  ProxiedSignInPage,
  SignInPage,
  WarningPanel,
} from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import type { ComponentProps } from 'react';

type SignInPageProps = Pick<
  ComponentProps<typeof SignInPage>,
  'onSignInSuccess'
>;

const githubProvider = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * The sign-in page for the providers the backend has configured (only their
 * names reach the app, see config.d.ts). GitHub when it is configured, as in
 * production; guest sign-in without a click when that is all there is, as on
 * `npm start` (app-config.guest.yaml). Guest is never offered otherwise.
 */
export function ConfiguredSignInPage(props: SignInPageProps) {
  const providers =
    useApi(configApiRef).getOptionalConfig('auth.providers')?.keys() ?? [];
  if (providers.includes('github')) {
    return <SignInPage {...props} auto provider={githubProvider} />;
  }
  if (providers.includes('guest')) {
    return <ProxiedSignInPage {...props} provider="guest" />;
  }
  return (
    <WarningPanel
      title="No sign-in provider is configured"
      message="A platform engineer configures auth.providers.github (see the README's Production section)."
    />
  );
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => <ConfiguredSignInPage {...props} />,
      },
    }),
  ],
});
