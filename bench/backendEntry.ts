/**
 * The app's backend, started by the cold-start benchmark with or without our
 * scaffolder module. Both variants start from this one file, so the only
 * difference between them is the module.
 *
 * The one import of another folder's src/ outside a package entry: the app
 * backend is an application, not a library, and has no entry to export its
 * feature list from (its `main` is the production build).
 */
import { createAppBackend } from '../packages/backend/src/features';

createAppBackend({
  withoutInternalApi: process.env.BENCH_WITHOUT_INTERNAL_API === '1',
}).start();
