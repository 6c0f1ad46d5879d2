import { readHelmetOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import { loadConfigSchema } from '@backstage/config-loader';
import {
  configFiles,
  loadConfigs,
  productionVariables,
} from './__testUtils__/configFiles';
import { runBackendUntilExit } from './__testUtils__/runBackend';
import { signInProviders } from './signIn';

/** Exactly what the README tells people to run in production. */
const production = () =>
  loadConfigs(
    [configFiles.defaults, configFiles.production],
    productionVariables,
  );

describe('the production config (app-config.yaml + app-config.production.yaml)', () => {
  let config: ConfigReader;
  beforeAll(async () => {
    config = ConfigReader.fromConfigs(await production());
  });

  it('signs in with GitHub only: no sandbox sign-in', () => {
    expect(config.getConfig('auth.providers').keys()).toEqual(['github']);
    expect(signInProviders(config, 'production')).toEqual(['github']);
    expect(config.getString('auth.environment')).toBe('production');
  });

  it('keeps the default auth policy on', () => {
    expect(
      config.getOptionalBoolean(
        'backend.auth.dangerouslyDisableDefaultAuthPolicy',
      ),
    ).toBeUndefined();
    expect(config.getOptional('backend.auth.externalAccess')).toBeUndefined();
  });

  it('takes Users and Groups only from the org location', () => {
    const allowed = (rules?: ConfigReader[]) =>
      (rules ?? []).flatMap(rule => rule.getStringArray('allow'));
    expect(allowed(config.getConfigArray('catalog.rules') as any)).not.toEqual(
      expect.arrayContaining(['User']),
    );
    expect(allowed(config.getConfigArray('catalog.rules') as any)).not.toEqual(
      expect.arrayContaining(['Group']),
    );
    const locations = config
      .getConfigArray('catalog.locations')
      .map(location => ({
        target: location.getString('target'),
        allow: allowed(location.getOptionalConfigArray('rules') as any),
      }));
    expect(
      locations.filter(({ allow }) =>
        allow.some(kind => kind === 'User' || kind === 'Group'),
      ),
    ).toEqual([{ target: './org/org.yaml', allow: ['Group', 'User'] }]);
  });

  it('lets the app connect only to its own backend', () => {
    const csp = readHelmetOptions(config.getConfig('backend'))
      .contentSecurityPolicy as { directives: Record<string, string[]> };
    expect(csp.directives['connect-src']).toEqual([
      "'self'",
      productionVariables.BACKEND_BASE_URL,
    ]);
  });

  it('shows the app which providers exist, never their secrets', async () => {
    const schema = await loadConfigSchema({
      dependencies: ['app'],
    });
    const frontend = ConfigReader.fromConfigs(
      schema.process(await production(), { visibility: ['frontend'] }),
    );
    expect(frontend.getOptional('auth.providers')).toEqual({ github: {} });
    expect(JSON.stringify(frontend.get())).not.toContain(
      productionVariables.AUTH_GITHUB_CLIENT_SECRET,
    );
  }, 60_000);
});

describe('signInProviders', () => {
  const withProviders = (providers: object) =>
    new ConfigReader({ auth: { providers } });

  it('refuses a backend with no sign-in provider, saying what to set', () => {
    expect(() => signInProviders(withProviders({}), 'production')).toThrow(
      /No sign-in provider is configured.*auth\.providers\.github/,
    );
    expect(() => signInProviders(new ConfigReader({}), 'production')).toThrow(
      /No sign-in provider is configured/,
    );
  });

  it('refuses a provider whose module is not installed, naming it', () => {
    expect(() =>
      signInProviders(withProviders({ oidc: {} }), 'production'),
    ).toThrow(/auth\.providers\.oidc is configured, but this backend installs/);
  });

  it('refuses sandbox sign-in outside development', () => {
    expect(() =>
      signInProviders(withProviders({ sandbox: {} }), 'production'),
    ).toThrow(/sandbox sign-in is for local use only/);
    expect(
      signInProviders(withProviders({ sandbox: {} }), 'development'),
    ).toEqual(['sandbox']);
  });
});

describe('the backend started', () => {
  it('refuses to start with no sign-in provider (app-config.yaml alone)', () => {
    const result = runBackendUntilExit([configFiles.defaults], {
      ...process.env,
      NODE_ENV: 'development',
    });

    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /No sign-in provider is configured/,
    );
  }, 90_000);

  it('refuses sandbox sign-in loaded into production', () => {
    const result = runBackendUntilExit(
      [configFiles.defaults, configFiles.production, configFiles.sandboxPeople],
      { ...process.env, ...productionVariables, NODE_ENV: 'production' },
    );

    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /sandbox sign-in is for local use only/,
    );
  }, 90_000);
});
