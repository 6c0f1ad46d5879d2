import { execFileSync } from 'node:child_process';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { LocalGitRepositories } from './localGitRepositories';
import { localGitReaderFactory } from './localGitUrlReader';
import { temporaryFolder, writeFiles } from './__testUtils__/workspace';

describe('local git URL reader', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let contentsUrl: string;
  let reader: ReturnType<typeof UrlReaders.create>;

  beforeAll(async () => {
    root = temporaryFolder('local-git');
    const source = temporaryFolder('source');
    writeFiles(source.dir, {
      'catalog-info.yaml': 'kind: Component\n',
      'docs/index.md': '# Orders\n',
      'docs/api.md': '# API\n',
      'lib/stack.ts': 'export {};\n',
    });
    const repositories = new LocalGitRepositories(root.dir);
    const repository = repositories.repository('github.com', 'acme', 'orders');
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    source.remove();
    contentsUrl = repositories.contentsUrl(repository, 'main');
    // The same composition the backend's URL reader service uses, with only our factory.
    reader = UrlReaders.create({
      config: new ConfigReader({ localGitPublisher: { directory: root.dir } }),
      logger: mockServices.logger.mock(),
      factories: [localGitReaderFactory],
    });
  });
  afterAll(() => root.remove());

  it('reads a file at the branch, with the blob id as ETag', async () => {
    const response = await reader.readUrl(`${contentsUrl}/catalog-info.yaml`);
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    const blobId = execFileSync(
      'git',
      [
        '--git-dir',
        new URL(contentsUrl).pathname.replace(/\/blob\/main$/, ''),
        'rev-parse',
        'main:catalog-info.yaml',
      ],
      { encoding: 'utf8' },
    ).trim();
    expect(response.etag).toBe(blobId);

    await expect(
      reader.readUrl(`${contentsUrl}/catalog-info.yaml`, { etag: blobId }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
  });

  it('says which file is missing', async () => {
    await expect(
      reader.readUrl(`${contentsUrl}/missing.yaml`),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(/missing\.yaml not found on branch main/),
    });
  });

  it('reads a folder as a tree', async () => {
    const tree = await reader.readTree(`${contentsUrl}/docs`);
    const files = await tree.files();
    const contents = Object.fromEntries(
      await Promise.all(
        files.map(async file => [file.path, (await file.content()).toString()]),
      ),
    );
    expect(contents).toEqual({ 'index.md': '# Orders\n', 'api.md': '# API\n' });
  });

  it('searches by glob', async () => {
    const result = await reader.search(`${contentsUrl}/docs/*.md`);
    expect(result.files.map(file => file.url).sort()).toEqual([
      `${contentsUrl}/docs/api.md`,
      `${contentsUrl}/docs/index.md`,
    ]);
    expect((await result.files[0].content()).toString()).toMatch(/^# /);
  });

  it('leaves URLs outside its folder to other readers', async () => {
    await expect(
      reader.readUrl('file:///etc/passwd.git/blob/main/x'),
    ).rejects.toThrow(/is not allowed/);
    await expect(
      reader.readUrl(
        'https://github.com/acme/orders/blob/main/catalog-info.yaml',
      ),
    ).rejects.toThrow(/is not allowed/);
  });
});
