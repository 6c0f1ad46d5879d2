import type { LocalGitRepositories } from '../localGitRepositories';
import {
  filesAt,
  gitIn,
  publishedRepository,
  repositoryState,
} from '../__testUtils__/pullRequests';
import { TEST_BASE_URL } from '../__testUtils__/repositories';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';
import {
  listLocalPullRequests,
  mergeLocalPullRequest,
  pullRequestDiff,
  readLocalPullRequest,
} from './localPullRequests';
import { openPullRequest } from './openPullRequest';
import { readRecord } from './records';

const SERVICE = '{\n  "consumers": ["customer-api"]\n}\n';

describe('merging the sandbox pull requests', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let repositories: LocalGitRepositories;
  let gitDir: string;
  const address = { owner: 'acme', repo: 'orders-api' };

  beforeEach(async () => {
    root = temporaryFolder('local-git');
    const published = await publishedRepository(root.dir, {
      'config/service.json': SERVICE,
      'README.md': '# orders-api\n',
    });
    repositories = published.repositories;
    gitDir = published.repository.gitDir;
  });
  afterEach(() => root.remove());

  /** Opens a pull request from `branch` that writes `files` onto main. */
  async function propose(branch: string, files: Record<string, string>) {
    const source = temporaryFolder('source');
    try {
      writeFiles(source.dir, files);
      return (await openPullRequest(repositories, {
        repository: repositories.repository('github.com', 'acme', 'orders-api'),
        sourceDir: source.dir,
        branch,
        update: false,
        title: `Change on ${branch}`,
        description: 'A change.',
        draft: false,
        createWhenEmpty: true,
        commitMessage: `Commit on ${branch}`,
        author: { name: 'Sam', email: 'sam@example.com' },
      }))!;
    } finally {
      source.remove();
    }
  }
  const merge = (number: number) =>
    mergeLocalPullRequest({ repositories, ...address, number });

  it('fast-forwards main when it has not moved, marks the record merged, and merges only once', async () => {
    const opened = await propose('a', { 'docs/a.md': 'a\n' });
    const mainBefore = gitIn(gitDir, 'rev-parse', 'main');

    const merged = await merge(1);
    expect(gitIn(gitDir, 'rev-parse', 'main')).toBe(opened.headCommit);
    expect(merged).toEqual({
      ...opened,
      state: 'merged',
      mergedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: merged.mergedAt,
      baseCommitAtMerge: mainBefore,
      mergeCommit: opened.headCommit,
    });
    const { url, ...stored } = merged;
    expect(url).toBe(opened.url);
    expect(readRecord(gitDir, 1)).toEqual(stored);
    // git clone over HTTP sees the merge.
    expect(repositoryState(gitDir).infoRefs).toContain(
      `${opened.headCommit}\trefs/heads/main`,
    );

    // Idempotent: the same record, and main stays.
    await expect(merge(1)).resolves.toEqual(merged);
    expect(gitIn(gitDir, 'rev-parse', 'main')).toBe(opened.headCommit);
    // The page's diff still shows what was merged.
    expect(
      await pullRequestDiff(
        repositories.repository('github.com', 'acme', 'orders-api'),
        merged,
      ),
    ).toContain('+++ b/docs/a.md');
  });

  it('makes a merge commit when main moved, with both changes', async () => {
    const a = await propose('a', { 'docs/a.md': 'a\n' });
    const b = await propose('b', { 'docs/b.md': 'b\n' });
    await merge(a.number);

    const merged = await merge(b.number);
    const main = gitIn(gitDir, 'rev-parse', 'main');
    expect(merged.mergeCommit).toBe(main);
    expect(gitIn(gitDir, 'log', '-1', '--format=%P|%an <%ae>|%B', 'main')).toBe(
      `${a.headCommit} ${b.headCommit}|Scaffolder <scaffolder@backstage.io>|` +
        'Merge pull request #2 from b\n\nChange on b',
    );
    expect(filesAt(gitDir, 'main')).toEqual({
      'config/service.json': SERVICE,
      'README.md': '# orders-api\n',
      'docs/a.md': 'a\n',
      'docs/b.md': 'b\n',
    });
  });

  it('refuses a merge that conflicts, naming the file, and changes nothing (no ref, no record, no object)', async () => {
    await propose('a', {
      'config/service.json': SERVICE.replace('customer', 'partner'),
    });
    await propose('b', {
      'config/service.json': SERVICE.replace('customer', 'billing'),
    });
    await merge(1);
    const before = repositoryState(gitDir);
    const objects = gitIn(gitDir, 'count-objects');

    await expect(merge(2)).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'Pull request #2 of acme/orders-api (b → main) cannot be merged: it and main both changed config/service.json. ' +
        'Nothing was changed. Propose the change again on the current main (run the template again with another ' +
        'branchName), and merge that pull request.',
    });
    expect(repositoryState(gitDir)).toEqual(before);
    expect(gitIn(gitDir, 'count-objects')).toBe(objects);
    expect(
      (await readLocalPullRequest({ repositories, ...address, number: 2 }))
        .state,
    ).toBe('open');
  });

  it('lists and reads pull requests by number, finding the repository in any case', async () => {
    await propose('a', { 'docs/a.md': 'a\n' });
    await propose('b', { 'docs/b.md': 'b\n' });

    const listed = await listLocalPullRequests({
      repositories,
      owner: 'Acme',
      repo: 'Orders-API',
    });
    expect(listed.map(pr => [pr.number, pr.branch, pr.url])).toEqual([
      [1, 'a', `${TEST_BASE_URL}/github.com/acme/orders-api.git/pull/1`],
      [2, 'b', `${TEST_BASE_URL}/github.com/acme/orders-api.git/pull/2`],
    ]);
    await expect(
      readLocalPullRequest({ repositories, ...address, number: 2 }),
    ).resolves.toEqual(listed[1]);
    await expect(
      readLocalPullRequest({ repositories, ...address, number: 9 }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `acme/orders-api has no pull request #9; it has #1, #2 (${TEST_BASE_URL}/github.com/acme/orders-api.git/pulls)`,
    });
    await expect(merge(9)).rejects.toThrow(
      'acme/orders-api has no pull request #9',
    );
    await expect(
      listLocalPullRequests({ repositories, owner: 'acme', repo: 'nope' }),
    ).rejects.toThrow(
      `There is no repository acme/nope at ${TEST_BASE_URL}/github.com/acme/nope.git; publish:github creates it`,
    );
  });
});
