import fs from 'node:fs';
import path from 'node:path';
import { listLocalPullRequests } from '../pullRequests/localPullRequests';
import {
  BASE_INPUT,
  PULL_URL,
  pullRequestActionFixture,
  REPOSITORY,
} from '../__testUtils__/pullRequestAction';
import { filesAt, gitIn, repositoryState } from '../__testUtils__/pullRequests';
import { writeFiles } from '../__testUtils__/workspace';

describe('publish:github:pull-request backed by local git', () => {
  const f = pullRequestActionFixture();
  const pullRequests = () =>
    listLocalPullRequests({
      repositories: f.repositories,
      owner: 'acme',
      repo: 'orders-api',
    });

  it("writes the workspace's files onto main as a new branch, leaves the files it lacks, and records pull request #1", async () => {
    const mainBefore = gitIn(f.gitDir, 'rev-parse', 'main');
    const { outputs } = await f.run(BASE_INPUT);

    expect(outputs).toEqual({
      targetBranchName: 'main',
      remoteUrl: `${PULL_URL}/1`,
      pullRequestNumber: 1,
    });
    expect(filesAt(f.gitDir, 'update-consumers')).toEqual({
      ...REPOSITORY,
      'config/service.json':
        '{ "consumers": ["customer-api", "partner-api"] }\n',
      'docs/consumers.md': '# Consumers\n',
    });
    expect(gitIn(f.gitDir, 'rev-parse', 'main')).toBe(mainBefore);
    const head = gitIn(f.gitDir, 'rev-parse', 'update-consumers');
    // One commit on main, by the default author, with the title as message (no commitMessage anywhere).
    expect(gitIn(f.gitDir, 'log', '--format=%P|%an <%ae>|%s', '-1', head)).toBe(
      `${mainBefore}|Scaffolder <scaffolder@example.com>|Allow partner-api`,
    );
    expect(await pullRequests()).toEqual([
      {
        number: 1,
        title: 'Allow partner-api',
        description: 'Adds partner-api.',
        branch: 'update-consumers',
        base: 'main',
        state: 'open',
        draft: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updatedAt: expect.any(String),
        headCommit: head,
        url: `${PULL_URL}/1`,
      },
    ]);
    // Served to git clone: the branch is in the dumb-HTTP index.
    expect(
      fs.readFileSync(path.join(f.gitDir, 'info', 'refs'), 'utf8'),
    ).toContain(`${head}\trefs/heads/update-consumers`);
    expect(fs.existsSync(path.join(f.workspace, 'repository', '.git'))).toBe(
      false,
    );
  });

  it('writes under targetPath, then deletes filesToDelete (a file, a folder with its files), with the given author and message', async () => {
    writeFiles(path.join(f.workspace, 'config'), {
      'service.json': '{ "consumers": [] }\n',
      'legacy.json': 'written, then deleted\n',
    });
    await f.run({
      ...BASE_INPUT,
      sourcePath: 'config',
      targetPath: 'config',
      filesToDelete: ['legacy.json', 'old'],
      commitMessage: 'Empty the consumers',
      gitAuthorName: 'Sam',
      gitAuthorEmail: 'sam@example.com',
    });
    expect(filesAt(f.gitDir, 'update-consumers')).toEqual({
      'catalog-info.yaml': REPOSITORY['catalog-info.yaml'],
      'config/service.json': '{ "consumers": [] }\n',
      'lib/stack.ts': REPOSITORY['lib/stack.ts'],
    });
    expect(
      gitIn(f.gitDir, 'log', '--format=%an <%ae>|%s', '-1', 'update-consumers'),
    ).toBe('Sam <sam@example.com>|Empty the consumers');
  });

  it('refuses a branch that exists unless update is true, before writing anything', async () => {
    await f.run(BASE_INPUT);
    const before = repositoryState(f.gitDir);
    writeFiles(path.join(f.workspace, 'repository'), { 'x.txt': 'x\n' });

    await expect(f.run(BASE_INPUT)).rejects.toMatchObject({
      name: 'ConflictError',
      message: `Branch 'update-consumers' already exists in acme/orders-api (pull request #1, ${PULL_URL}/1); set update: true to add a commit to it and its open pull request, or choose another branchName`,
    });
    expect(repositoryState(f.gitDir)).toEqual(before);
  });

  it('with update: true, adds a commit to the branch and keeps the number; another branch gets #2', async () => {
    await f.run({ ...BASE_INPUT, update: true });
    const first = gitIn(f.gitDir, 'rev-parse', 'update-consumers');
    writeFiles(path.join(f.workspace, 'repository'), {
      'docs/consumers.md': '# Consumers\n\n- partner-api\n',
    });

    const { outputs } = await f.run({
      ...BASE_INPUT,
      update: true,
      title: 'Allow partner-api (2)',
    });
    expect(outputs).toEqual({
      targetBranchName: 'main',
      remoteUrl: `${PULL_URL}/1`,
      pullRequestNumber: 1,
    });
    const second = gitIn(f.gitDir, 'rev-parse', 'update-consumers');
    expect(gitIn(f.gitDir, 'rev-parse', `${second}^`)).toBe(first);
    expect(filesAt(f.gitDir, second)['docs/consumers.md']).toBe(
      '# Consumers\n\n- partner-api\n',
    );
    expect(await pullRequests()).toMatchObject([
      { number: 1, title: 'Allow partner-api (2)', headCommit: second },
    ]);

    // The same files again: nothing to add, so no commit.
    await f.run({ ...BASE_INPUT, update: true });
    expect(gitIn(f.gitDir, 'rev-parse', 'update-consumers')).toBe(second);

    const other = await f.run({ ...BASE_INPUT, branchName: 'other' });
    expect(other.outputs.pullRequestNumber).toBe(2);
    expect(other.outputs.remoteUrl).toBe(`${PULL_URL}/2`);
  });

  it('opens nothing and outputs nothing when the files change nothing and createWhenEmpty is false', async () => {
    const before = repositoryState(f.gitDir);
    fs.rmSync(path.join(f.workspace, 'repository'), { recursive: true });
    writeFiles(path.join(f.workspace, 'repository'), REPOSITORY);

    const { outputs, logged } = await f.run({
      ...BASE_INPUT,
      createWhenEmpty: false,
    });
    expect(outputs).toEqual({});
    expect(logged).toContain(
      'No changes to commit, pull request was not created',
    );
    expect(repositoryState(f.gitDir)).toEqual(before);
  });

  it('opens one with an empty commit when the files change nothing and createWhenEmpty is unset, as upstream', async () => {
    fs.rmSync(path.join(f.workspace, 'repository'), { recursive: true });
    writeFiles(path.join(f.workspace, 'repository'), REPOSITORY);
    const { outputs } = await f.run(BASE_INPUT);

    expect(outputs.pullRequestNumber).toBe(1);
    expect(gitIn(f.gitDir, 'rev-parse', 'update-consumers^')).toBe(
      gitIn(f.gitDir, 'rev-parse', 'main'),
    );
    expect(gitIn(f.gitDir, 'rev-parse', 'update-consumers^{tree}')).toBe(
      gitIn(f.gitDir, 'rev-parse', 'main^{tree}'),
    );
  });

  it('writes nothing in a dry run and outputs the pull request it would open or update', async () => {
    const before = repositoryState(f.gitDir);
    const dry = await f.run(BASE_INPUT, { isDryRun: true });
    expect(dry.outputs).toEqual({
      targetBranchName: 'main',
      remoteUrl: `${PULL_URL}/1`,
      pullRequestNumber: 1,
    });
    expect(dry.logged).toContain(
      'Dry run: would write repository onto main, as branch update-consumers and open pull request #1 into main',
    );
    expect(repositoryState(f.gitDir)).toEqual(before);

    await f.run(BASE_INPUT);
    await f.run({ ...BASE_INPUT, branchName: 'other' });
    const update = await f.run(
      { ...BASE_INPUT, update: true },
      { isDryRun: true },
    );
    expect(update.outputs.pullRequestNumber).toBe(1);
    // The refusals a real run makes, a dry run makes too.
    await expect(f.run(BASE_INPUT, { isDryRun: true })).rejects.toThrow(
      /already exists/,
    );
  });

  it('finds its pull request when the task is retried, without a second commit', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = await f.run(BASE_INPUT, { checkpoints });
    const head = gitIn(f.gitDir, 'rev-parse', 'update-consumers');
    writeFiles(path.join(f.workspace, 'repository'), { 'x.txt': 'x\n' });

    expect((await f.run(BASE_INPUT, { checkpoints })).outputs).toEqual(
      first.outputs,
    );
    expect(gitIn(f.gitDir, 'rev-parse', 'update-consumers')).toBe(head);
  });

  it('says which GitHub-only inputs it ignores', async () => {
    const { logged } = await f.run({
      ...BASE_INPUT,
      reviewers: ['jane'],
      teamReviewers: ['orders'],
      token: 'ghp_x',
    });
    expect(logged).toContain(
      'The sandbox ignores reviewers, teamReviewers, token: its pull requests have no reviewers, assignees, forks, tokens or GitHub users',
    );
  });
});
