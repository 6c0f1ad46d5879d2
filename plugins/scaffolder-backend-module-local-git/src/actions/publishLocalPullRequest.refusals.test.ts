import path from 'node:path';
import {
  BASE_INPUT,
  pullRequestActionFixture,
} from '../__testUtils__/pullRequestAction';
import { repositoryState } from '../__testUtils__/pullRequests';
import { writeFiles } from '../__testUtils__/workspace';

/** Every refusal names what is wrong, and comes before anything is written. */
describe('publish:github:pull-request (local git) refusals', () => {
  const f = pullRequestActionFixture();

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a repository that does not exist',
      { repoUrl: 'github.com?owner=acme&repo=nope' },
      /^repoUrl 'github\.com\?owner=acme&repo=nope': There is no repository acme\/nope at http:\/\/backstage\.test:7007\/api\/local-git\/github\.com\/acme\/nope\.git; publish:github creates it\. A pull request changes an existing repository: publish it first, or fix the owner or name\.$/,
    ],
    [
      'a target branch that does not exist',
      { targetBranchName: 'develop' },
      /^targetBranchName 'develop' is not a branch of acme\/orders-api; it has main$/,
    ],
    [
      'the target branch as the branch',
      { branchName: 'main' },
      /^branchName 'main' is the pull request's target branch/,
    ],
    [
      'a branch git would read as an option',
      { branchName: '--force' },
      /^Branch '--force' starts with '-'/,
    ],
    [
      'a targetPath outside the repository',
      { targetPath: '../elsewhere' },
      /^targetPath '\.\.\/elsewhere' leaves the repository/,
    ],
    [
      'a file to delete inside .git',
      { filesToDelete: ['.git/config'] },
      /^filesToDelete '\.git\/config' is inside \.git/,
    ],
    [
      'a missing sourcePath',
      { sourcePath: 'nowhere' },
      /^The folder to propose \(.*nowhere\) does not exist; check sourcePath$/,
    ],
  ])('refuses %s, naming it, and writes nothing', async (_, input, message) => {
    const before = repositoryState(f.gitDir);
    await expect(f.run({ ...BASE_INPUT, ...input })).rejects.toThrow(message);
    expect(repositoryState(f.gitDir)).toEqual(before);
  });

  it('refuses a workspace holding .git, and writes nothing', async () => {
    const before = repositoryState(f.gitDir);
    writeFiles(path.join(f.workspace, 'repository'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    await expect(f.run(BASE_INPUT)).rejects.toThrow(
      /holds '\.git': a git repository the template wrote/,
    );
    expect(repositoryState(f.gitDir)).toEqual(before);
  });
});
