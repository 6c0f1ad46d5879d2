import { LocalGitRepositories } from './localGitRepositories';

/** The id of the backend plugin that serves the repositories, so `/api/local-git` on the backend. */
export const LOCAL_GIT_PLUGIN_ID = 'local-git';

/**
 * The repositories of `localGitPublisher.directory`, addressed by the URL the
 * backend serves them at (the local-git plugin's external base URL).
 */
export async function localGitRepositoriesFor(options: {
  config: { getString(key: string): string };
  discovery: { getExternalBaseUrl(pluginId: string): Promise<string> };
}) {
  return new LocalGitRepositories({
    directory: options.config.getString('localGitPublisher.directory'),
    baseUrl: await options.discovery.getExternalBaseUrl(LOCAL_GIT_PLUGIN_ID),
  });
}

/** Backstage's default commit author, which the GitHub actions use when config names none. */
export const BACKSTAGE_DEFAULT_AUTHOR = {
  name: 'Scaffolder',
  email: 'scaffolder@backstage.io',
};

/**
 * The author of the commits the sandbox writes when a template names none:
 * `scaffolder.defaultAuthor`, else {@link BACKSTAGE_DEFAULT_AUTHOR}.
 */
export function defaultAuthorFor(config: {
  getOptionalString(key: string): string | undefined;
}) {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ??
      BACKSTAGE_DEFAULT_AUTHOR.name,
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      BACKSTAGE_DEFAULT_AUTHOR.email,
  };
}
