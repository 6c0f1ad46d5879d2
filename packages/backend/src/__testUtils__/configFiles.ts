import path from 'node:path';
import { ConfigSources } from '@backstage/config-loader';
import type { AppConfig } from '@backstage/config';
import { readConfigsOnce } from '../validatedRootConfig';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** The repository's config files, by what they are for. */
export const configFiles = {
  defaults: path.join(repoRoot, 'app-config.yaml'),
  sandboxPeople: path.join(repoRoot, 'app-config.sandbox-people.yaml'),
  production: path.join(repoRoot, 'app-config.production.yaml'),
};

/** A value for every variable app-config.production.yaml names. */
export const productionVariables = {
  APP_BASE_URL: 'https://backstage.example.com',
  BACKEND_BASE_URL: 'https://backstage.example.com',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'secret',
  BACKEND_SECRET: 'a-long-random-secret',
  AUTH_GITHUB_CLIENT_ID: 'github-client-id',
  AUTH_GITHUB_CLIENT_SECRET: 'github-client-secret',
};

/** Config files as the backend reads them (`--config` order, `${VAR}` from `env`). */
export async function loadConfigs(
  files: string[],
  env: Record<string, string> = {},
): Promise<AppConfig[]> {
  return readConfigsOnce(
    ConfigSources.default({
      argv: files.flatMap(file => ['--config', file]),
      substitutionFunc: async name => env[name] ?? process.env[name],
    }),
  );
}
