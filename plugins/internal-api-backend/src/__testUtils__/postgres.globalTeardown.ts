import type { RunningPostgres } from '@internal/aws-sandbox';

/** Stops the PostgreSQL that postgres.globalSetup.ts started. */
export default async function stopTestPostgres() {
  await (globalThis as { testPostgres?: RunningPostgres }).testPostgres?.stop();
}
