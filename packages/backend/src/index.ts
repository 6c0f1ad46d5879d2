import { ConfigReader } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { assertConfigEnvironment } from './configEnvironment';
import { createAppBackend } from './features';
import { startInTurn } from './startupTurn';
import { readConfigsOnce } from './validatedRootConfig';

// Fail before anything starts when a loaded config file names an unset variable.
try {
  assertConfigEnvironment(process.argv, process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

readConfigsOnce(ConfigSources.default({ argv: process.argv }))
  .then(configs =>
    startInTurn(ConfigReader.fromConfigs(configs), () =>
      createAppBackend().start(),
    ),
  )
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
