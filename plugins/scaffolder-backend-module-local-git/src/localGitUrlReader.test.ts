import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { TEST_BASE_URL, testRepositories } from './__testUtils__/repositories';
import { localGitReaderFactory } from './localGitUrlReader';
import { temporaryFolder, writeFiles } from './__testUtils__/workspace';

/** A 40-character file name: the costly-pattern test matches against it. */
const LONG_NAME = 'a'.repeat(40);

/**
 * A bare repository made with git directly (the publisher would be as happy
 * to publish it) holding `--output=<out>/pwned`: a path that git archive
 * would read as its --output option.
 */
function publishOptionLikePath(gitDir: string, out: string) {
  const work = temporaryFolder('hostile-work');
  try {
    writeFiles(work.dir, { [`--output=${out}/pwned`]: 'not an option\n' });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: work.dir });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git(
      '-c',
      'user.name=T',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-qm',
      'x',
    );
    git('clone', '--quiet', '--bare', '.', gitDir);
  } finally {
    work.remove();
  }
}

describe('local git URL reader', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let out: ReturnType<typeof temporaryFolder>;
  let contentsUrl: string;
  let gitDir: string;
  let hostileUrl: string;
  let reader: ReturnType<typeof UrlReaders.create>;

  beforeAll(async () => {
    root = temporaryFolder('local-git');
    out = temporaryFolder('option-target');
    const source = temporaryFolder('source');
    writeFiles(source.dir, {
      'catalog-info.yaml': 'kind: Component\n',
      'docs/index.md': '# Orders\n',
      'docs/api.md': '# API\n',
      'lib/stack.ts': 'export {};\n',
      'packages/api/catalog-info.yaml': 'kind: API\n',
      [LONG_NAME]: '',
    });
    const repositories = testRepositories(root.dir);
    const repository = repositories.repository('github.com', 'acme', 'orders');
    gitDir = repository.gitDir;
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    source.remove();
    contentsUrl = repositories.contentsUrl(repository, 'main');
    const hostile = repositories.repository('github.com', 'acme', 'hostile');
    publishOptionLikePath(hostile.gitDir, out.dir);
    hostileUrl = repositories.contentsUrl(hostile, 'main');
    // The same composition the backend's URL reader service uses, with only our factory.
    reader = UrlReaders.create({
      config: new ConfigReader({}),
      logger: mockServices.logger.mock(),
      factories: [localGitReaderFactory(repositories)],
    });
  });
  afterAll(() => {
    root.remove();
    out.remove();
  });

  it('reads a file at the branch, with the blob id as ETag', async () => {
    const response = await reader.readUrl(`${contentsUrl}/catalog-info.yaml`);
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    const blobId = execFileSync(
      'git',
      ['--git-dir', gitDir, 'rev-parse', 'main:catalog-info.yaml'],
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

  it('reads the URLs the backend serves, from disk (nothing serves TEST_BASE_URL)', async () => {
    expect(contentsUrl).toBe(
      `${TEST_BASE_URL}/github.com/acme/orders.git/blob/main`,
    );
    const response = await reader.readUrl(`${contentsUrl}/docs/index.md`);
    expect((await response.buffer()).toString()).toBe('# Orders\n');
  });

  it('refuses a URL of its base that is not a file URL, naming the shape', async () => {
    await expect(
      reader.readUrl(`${TEST_BASE_URL}/github.com/acme/orders.git/info/refs`),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        `is not a file of a sandbox repository; use ${TEST_BASE_URL}/<host>/<owner>/<repo>.git/blob/<branch>/<path>`,
      ),
    });
    await expect(
      reader.readUrl(`${TEST_BASE_URL}/github.com/../etc.git/blob/main/x`),
    ).rejects.toThrow(/is not a file of a sandbox repository/);
    await expect(
      reader.readUrl(`${TEST_BASE_URL}/github.com/%2E%2E/etc.git/blob/main/x`),
    ).rejects.toThrow(/is not a file of a sandbox repository/);
    await expect(
      reader.readUrl(`${TEST_BASE_URL}/github.com/..%2Fetc/x.git/blob/main/x`),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^Repository owner '\.\.\/etc' may only hold/,
      ),
    });
  });

  it('leaves URLs outside its base to other readers', async () => {
    for (const url of [
      'file:///etc/passwd.git/blob/main/x',
      'http://localhost:7007/api/catalog/entities',
      'http://localhost:7008/api/local-git/github.com/acme/orders.git/blob/main/x',
    ]) {
      await expect(reader.readUrl(url)).rejects.toThrow(/is not allowed/);
    }
    await expect(
      reader.readUrl(
        'https://github.com/acme/orders/blob/main/catalog-info.yaml',
      ),
    ).rejects.toThrow(/is not allowed/);
  });

  it('refuses a path that git would read as an option, and git writes nothing', async () => {
    const url = `${hostileUrl}/--output=${out.dir}/pwned`;
    const refusal = {
      name: 'InputError',
      message: expect.stringMatching(
        /segment '--output=' that starts with '-', which git would read as an option/,
      ),
    };
    await expect(reader.readTree(url)).rejects.toMatchObject(refusal);
    await expect(reader.readUrl(url)).rejects.toMatchObject(refusal);
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('refuses a branch that git would read as an option', async () => {
    const url = hostileUrl.replace(/main$/, '--output=pwned');
    const refusal = {
      name: 'InputError',
      message: expect.stringMatching(/Branch '--output=pwned' starts with '-'/),
    };
    await expect(reader.readTree(url)).rejects.toMatchObject(refusal);
    await expect(reader.readUrl(`${url}/x`)).rejects.toMatchObject(refusal);
    await expect(reader.search(`${url}/**`)).rejects.toMatchObject(refusal);
  });

  it('searches files whose names start with - and reads them by blob id', async () => {
    const result = await reader.search(`${hostileUrl}/**/pwned`);
    expect(result.files.map(file => file.url)).toEqual([
      `${hostileUrl}/--output=${out.dir}/pwned`,
    ]);
    expect((await result.files[0].content()).toString()).toBe(
      'not an option\n',
    );
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('finds catalog files at any depth with **', async () => {
    const result = await reader.search(`${contentsUrl}/**/catalog-info.yaml`);
    expect(result.files.map(file => file.url).sort()).toEqual([
      `${contentsUrl}/catalog-info.yaml`,
      `${contentsUrl}/packages/api/catalog-info.yaml`,
    ]);
  });

  it('refuses a pattern whose matching time explodes, naming the limit', async () => {
    // Unbounded, minimatch spent 13 s on this pattern against LONG_NAME.
    await expect(
      reader.search(`${contentsUrl}/${'*a'.repeat(9)}*b`),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /has 10 '\*' in the segment .*; at most 2 are allowed in one segment/,
      ),
    });
    await expect(
      reader.search(`${contentsUrl}/**/*/**/*/**/*.yaml`),
    ).rejects.toThrow(
      /has 6 wildcards \('\*' or '\*\*'\); at most 4 are allowed/,
    );
  });
});
