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
