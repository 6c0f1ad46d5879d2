import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import yaml from 'yaml';

/** Where the app and the backend are reached, as the config files say. */
export type AppUrls = { app: string; backend: string };

/**
 * `app.baseUrl` and `backend.baseUrl` from the config files `npm start`
 * passes to Backstage, the later file winning as in Backstage.
 */
export function readAppUrls(configFiles: string[]): AppUrls {
  let app: string | undefined;
  let backend: string | undefined;
  for (const file of configFiles) {
    const config = yaml.parse(fs.readFileSync(file, 'utf8')) ?? {};
    app = config.app?.baseUrl ?? app;
    backend = config.backend?.baseUrl ?? backend;
  }
  if (!app || !backend) {
    throw new Error(
      `No app.baseUrl or backend.baseUrl in ${configFiles.join(', ')}`,
    );
  }
  return { app, backend };
}

async function answers(url: string): Promise<boolean> {
  try {
    // The dev server holds requests until its first compilation is done.
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Whether `person` (default Sam, whom the tests sign in as) can sign in as one
 * of the sandbox's people (app-config.sandbox-people.yaml). The backend signs a person
 * in only as their catalog User, which the catalog knows once it has read
 * org/sandbox.yaml, a few seconds after the backend is up; until then sign-in
 * answers 404.
 */
export async function sandboxPersonIsCatalogUser(
  backend: string,
  person = 'sam',
): Promise<boolean> {
  try {
    const refresh = await fetch(new URL('/api/auth/sandbox/refresh', backend), {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-sandbox-person': person,
      },
      signal: AbortSignal.timeout(10_000),
    });
    await refresh.body?.cancel();
    return refresh.ok;
  } catch {
    return false;
  }
}

/**
 * Resolves once the backend reports ready (its readiness endpoint answers 200
 * after every plugin has started), Sam signs in as a catalog user, and
 * the app's dev server serves its page. Polls until `signal` aborts, then rejects.
 */
export async function waitUntilAppReady(
  urls: AppUrls,
  signal: AbortSignal,
  interval = 500,
): Promise<void> {
  const readiness = new URL('/.backstage/health/v1/readiness', urls.backend);
  while (!signal.aborted) {
    const [backend, app] = await Promise.all([
      answers(readiness.href),
      answers(urls.app),
    ]);
    if (backend && app && (await sandboxPersonIsCatalogUser(urls.backend))) {
      return;
    }
    await sleep(interval, undefined, { signal }).catch(() => {});
  }
  throw new Error('Stopped waiting for the app');
}
