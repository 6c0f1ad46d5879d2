import { LocalGitRepositories } from '../localGitRepositories';

/**
 * The URL the tests' repositories are addressed by. Nothing serves it (`.test`
 * names never resolve), so what reads these URLs reads them from disk.
 */
export const TEST_BASE_URL = 'http://backstage.test:7007/api/local-git';

/** The repositories under `directory`, addressed by {@link TEST_BASE_URL}. */
export function testRepositories(directory: string) {
  return new LocalGitRepositories({ directory, baseUrl: TEST_BASE_URL });
}
