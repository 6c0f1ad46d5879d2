import { assertConfigEnvironment } from './configEnvironment';
import { createAppBackend } from './features';

// Fail before anything starts when a loaded config file names an unset variable.
try {
  assertConfigEnvironment(process.argv, process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

createAppBackend().start();
