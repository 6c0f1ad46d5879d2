import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import githubSignIn from '@backstage/plugin-auth-backend-module-github-provider';
import { authModuleSandboxProvider } from './sandboxSignIn';

/** The sign-in providers this backend installs, each only when `auth.providers` configures it. */
const SIGN_IN_MODULES = {
  github: githubSignIn,
  sandbox: authModuleSandboxProvider,
};

export type SignInProvider = keyof typeof SIGN_IN_MODULES;

/**
 * The configured sign-in providers, or an error that says what to configure.
 * Refuses a backend with none (it would answer every request with 401 and
 * nobody could sign in), a provider we do not install (its config would be
 * silently ignored), and sandbox sign-in outside development: it signs anyone
 * in as whoever a request header names, with a real user token, and with it
 * anyone who reaches the backend could run tasks that write DNS records and
 * transit gateway routes.
 */
export function signInProviders(
  config: Config,
  nodeEnv: string | undefined,
): SignInProvider[] {
  const configured =
    config.getOptionalConfig('auth.providers')?.keys() ?? ([] as string[]);
  const unsupported = configured.filter(id => !(id in SIGN_IN_MODULES));
  if (unsupported.length > 0) {
    throw new Error(
      `auth.providers.${unsupported[0]} is configured, but this backend installs sign-in only for ` +
        `${Object.keys(SIGN_IN_MODULES).join(
          ' and ',
        )}. Add the provider's auth module to packages/backend ` +
        '(src/signIn.ts) or remove the block.',
    );
  }
  const providers = configured as SignInProvider[];
  if (providers.length === 0) {
    throw new Error(
      'No sign-in provider is configured, so nobody could sign in. In production set auth.providers.github ' +
        '(app-config.production.yaml does, from AUTH_GITHUB_CLIENT_ID and AUTH_GITHUB_CLIENT_SECRET); ' +
        'for local use load app-config.sandbox-people.yaml as `npm start` does.',
    );
  }
  if (providers.includes('sandbox') && nodeEnv !== 'development') {
    throw new Error(
      `auth.providers.sandbox is configured but NODE_ENV is '${
        nodeEnv ?? ''
      }': sandbox sign-in is for local ` +
        'use only (app-config.sandbox-people.yaml, with NODE_ENV=development). Do not load that file in production.',
    );
  }
  return providers;
}

/** The auth modules for the configured sign-in providers; startup fails when none is usable. */
export const signIn = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    for (const provider of signInProviders(config, process.env.NODE_ENV)) {
      yield SIGN_IN_MODULES[provider];
    }
  },
});
