import {
  coreServices,
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ConfigSources,
  ConfigSource,
  loadConfigSchema,
} from '@backstage/config-loader';
import type { AppConfig } from '@backstage/config';

/**
 * The root config service, plus what the stock one skips: validation of every
 * loaded config file against the config schemas of this backend and all the
 * packages it depends on (ours included). A malformed block then stops startup
 * with the failing path, instead of surfacing as a confusing runtime error.
 */
export const validatedRootConfigServiceFactory = createServiceFactory({
  service: coreServices.rootConfig,
  deps: {},
  async factory() {
    const source = ConfigSources.default({ argv: process.argv });
    await assertConfigMatchesSchema(await readConfigsOnce(source));
    return ConfigSources.toConfig(source);
  },
});

export async function assertConfigMatchesSchema(
  configs: AppConfig[],
): Promise<void> {
  const schema = await loadConfigSchema({
    dependencies: [],
    packagePaths: [resolvePackagePath('backend', 'package.json')],
  });
  try {
    schema.process(configs, { visibility: ['frontend', 'backend', 'secret'] });
  } catch (error) {
    const messages: string[] | undefined = (error as { messages?: string[] })
      .messages;
    if (!messages) {
      throw error;
    }
    throw new Error(
      `Configuration does not match the config schema:\n  ${messages.join(
        '\n  ',
      )}`,
    );
  }
}

/** The config files' current contents, without watching them. */
export async function readConfigsOnce(
  source: ConfigSource,
): Promise<AppConfig[]> {
  const abort = new AbortController();
  for await (const { configs } of source.readConfigData({
    signal: abort.signal,
  })) {
    abort.abort();
    return configs;
  }
  return [];
}
