/**
 * RepoUrlPicker's value (`github.com?owner=acme&repo=orders-api`) as people
 * write a repository: `acme/orders-api`, with the host in front when it is
 * not github.com (`ghe.acme.com/acme/orders-api`); nothing until both the
 * owner and the name are filled in.
 */
export function repositorySummary(repoUrl: unknown): string | undefined {
  if (typeof repoUrl !== 'string' || !repoUrl.includes('?')) {
    return undefined;
  }
  const [host, query] = repoUrl.split('?', 2);
  const params = new URLSearchParams(query);
  const owner = params.get('owner');
  const repo = params.get('repo');
  if (!host || !owner || !repo) {
    return undefined;
  }
  return host === 'github.com'
    ? `${owner}/${repo}`
    : `${host}/${owner}/${repo}`;
}
