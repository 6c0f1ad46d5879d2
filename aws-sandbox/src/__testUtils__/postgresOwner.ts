// A process that starts a PostgreSQL and then waits to be killed: postgres.test.ts kills it
// (SIGKILL, no teardown) to show that its server does not outlive it.
import { startPostgres } from '../postgres';

startPostgres().then(
  postgres => {
    process.stdout.write(`${postgres.connectionString}\n`);
    setInterval(() => undefined, 60_000);
  },
  error => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
