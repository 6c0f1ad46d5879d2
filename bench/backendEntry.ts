/**
 * The app's backend, started by the cold-start benchmark with or without our
 * scaffolder module. Both variants start from this one file, so the only
 * difference between them is the module.
 */
import { createAppBackend } from '../packages/backend/src/features';

createAppBackend({
  withoutInternalApi: process.env.BENCH_WITHOUT_INTERNAL_API === '1',
}).start();
