import { runAction } from '../__testUtils__/runAction';
import {
  CATALOG_INFO,
  serviceRepositoryFiles,
} from '../__testUtils__/serviceRepositoryFiles';
import { createWriteConsumerChangeAction } from './writeConsumerChange';

describe('internal-api:consumers:write-change', () => {
  let files: ReturnType<typeof serviceRepositoryFiles>;
  beforeEach(() => {
    files = serviceRepositoryFiles();
  });
  afterEach(() => files.remove());
  const write = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(
      createWriteConsumerChangeAction(),
      { repositoryPath: '.', ...input },
      {
        workspacePath: files.dir,
        isDryRun,
      },
    );

  it('writes both files, in a dry run too (the pull request shows the real content)', async () => {
    const output = await write(
      { consumers: [{ name: 'partner-api', cidr: '10.30.0.0/16' }] },
      true,
    );

    expect(output).toEqual({
      changedFiles: ['config/service.json', 'catalog-info.yaml'],
    });
    expect(JSON.parse(files.read('config/service.json')).consumers).toEqual([
      { name: 'partner-api', cidr: '10.30.0.0/16' },
    ]);
    expect(files.read('catalog-info.yaml')).toContain(
      'internal-api.platform/consumers: "partner-api"',
    );
  });

  it('refuses a repository path outside the workspace, writing nothing', async () => {
    await expect(
      write({
        repositoryPath: '..',
        consumers: [{ name: 'partner-api', cidr: '10.30.0.0/16' }],
      }),
    ).rejects.toThrow(/outside/);
    expect(files.read('catalog-info.yaml')).toBe(CATALOG_INFO);
  });
});
