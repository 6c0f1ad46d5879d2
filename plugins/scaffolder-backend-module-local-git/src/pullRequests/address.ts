import path from 'node:path';
import { NotFoundError } from '@backstage/errors';
import type {
  LocalGitRepositories,
  LocalGitRepository,
} from '../localGitRepositories';
import type { StoredPullRequest } from './records';

/** A repository whose pull requests are meant, named as in repoUrl `github.com?owner=acme&repo=orders-api`. */
export interface LocalPullRequestRepository {
  /** The sandbox's repositories, e.g. from `localGitRepositoriesFor` or `new LocalGitRepositories(…)`. */
  repositories: LocalGitRepositories;
  /** Default `github.com`. */
  host?: string;
  owner: string;
  repo: string;
}

/** A pull request of a sandbox repository, with the URL of its page. */
export interface LocalPullRequest extends StoredPullRequest {
  /** `<remoteUrl>/pull/<number>`, e.g. `http://localhost:7007/api/local-git/github.com/acme/orders-api.git/pull/1`. */
  url: string;
}

/**
 * The repository, named as its folder is: owner and name compare without
 * case, as on GitHub, so `Acme/Orders-API` finds `acme/orders-api`.
 * NotFoundError when there is none.
 */
export function existingRepository(
  options: LocalPullRequestRepository,
): LocalGitRepository {
  const { repositories, host = 'github.com', owner, repo } = options;
  const named = repositories.repository(host, owner, repo);
  const found = repositories.existing(named);
  if (!found) {
    throw new NotFoundError(
      `There is no repository ${owner}/${repo} at ${named.remoteUrl}; publish:github creates it`,
    );
  }
  return repositories.repository(
    host,
    path.basename(path.dirname(found)),
    // Without '.git', in whatever case the folder has it.
    path.basename(found).slice(0, -'.git'.length),
  );
}

/**
 * A pull request's page. Below the repository's own URL, as its files'
 * pages are (`<remoteUrl>/blob/<branch>/…`), so one parser resolves both.
 */
export function pullRequestUrl(repository: LocalGitRepository, number: number) {
  return `${repository.remoteUrl}/pull/${number}`;
}

export function withUrl(
  repository: LocalGitRepository,
  record: StoredPullRequest,
): LocalPullRequest {
  return { ...record, url: pullRequestUrl(repository, record.number) };
}
