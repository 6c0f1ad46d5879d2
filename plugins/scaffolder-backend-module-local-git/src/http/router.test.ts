import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { LocalGitRepositories } from '../localGitRepositories';
import { localGitPlugin } from '../module';
import {
  cloneFiles,
  temporaryFolder,
  writeFiles,
} from '../__testUtils__/workspace';

const FILES = {
  'catalog-info.yaml': 'kind: Component\n',
  'lib/stack.ts': 'export {};\n',
  'lib/deep/construct.ts': 'export const x = 1;\n',
  'docs/<img src=x onerror=alert(1)> & more.md': 'a name that is markup\n',
  'docs/xss.html': `<script>alert("x") & 'y'</script>\n`,
  'image.bin': 'GIF\0binary',
};

/** GET with the path as given: fetch would resolve '..' before sending it. */
function rawGet(port: number, requestPath: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: 'localhost', port, path: requestPath }, response => {
        let body = '';
        response.on('data', chunk => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode!, body }),
        );
      })
      .on('error', reject);
  });
}

/** The local-git plugin in a started backend, serving one published repository, no credentials sent. */
describe('the local-git HTTP routes', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let backend: TestBackend;
  let port: number;
  let remoteUrl: string;
  let gitDir: string;

  beforeAll(async () => {
    root = temporaryFolder('local-git');
    backend = await startTestBackend({
      features: [
        localGitPlugin,
        mockServices.rootConfig.factory({
          data: { localGitPublisher: { directory: root.dir } },
        }),
      ],
    });
    port = backend.server.port();
    // The base URL discovery gives the plugin in the test backend.
    const repositories = new LocalGitRepositories({
      directory: root.dir,
      baseUrl: `http://localhost:${port}/api/local-git`,
    });
    const repository = repositories.repository('github.com', 'acme', 'orders');
    remoteUrl = repository.remoteUrl;
    gitDir = repository.gitDir;
    const source = temporaryFolder('source');
    writeFiles(source.dir, FILES);
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    source.remove();
  });
  afterAll(async () => {
    await backend?.stop();
    root?.remove();
  });

  const get = async (url: string) => {
    const response = await fetch(url);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it('clones over HTTP with git', async () => {
    expect(remoteUrl).toBe(
      `http://localhost:${port}/api/local-git/github.com/acme/orders.git`,
    );
    expect(await cloneFiles(remoteUrl)).toEqual(FILES);
    // Asynchronous, as the server runs in this process.
    const { stdout } = await promisify(execFile)('git', [
      'ls-remote',
      remoteUrl,
    ]);
    expect(stdout).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main$/m);
  });

  it('serves the files git clone reads, as git http-backend types them', async () => {
    await expect(get(`${remoteUrl}/HEAD`)).resolves.toEqual({
      status: 200,
      type: 'text/plain',
      body: 'ref: refs/heads/main\n',
    });
    await expect(get(`${remoteUrl}/info/refs`)).resolves.toMatchObject({
      status: 200,
      body: expect.stringMatching(/^[0-9a-f]{40}\trefs\/heads\/main\n$/),
    });
  });

  it("shows the repository's page: its name, the clone command and the default branch's files", async () => {
    const page = await get(remoteUrl);
    expect(page).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
    });
    expect(page.body).toContain('<title>acme/orders</title>');
    expect(page.body).toContain(`<pre>git clone ${remoteUrl}</pre>`);
    for (const file of ['catalog-info.yaml', 'lib/stack.ts', 'image.bin']) {
      expect(page.body).toContain(`href="${remoteUrl}/blob/main/${file}"`);
    }
    expect(page.body).toContain(`href="${remoteUrl}/blob/main/lib/deep"`);
    // The same page with a trailing slash, and at blob/main/ (the catalog's source location).
    expect((await get(`${remoteUrl}/`)).body).toBe(page.body);
    expect((await get(`${remoteUrl}/blob/main/`)).body).toContain(
      `href="${remoteUrl}/blob/main/lib/stack.ts"`,
    );
  });

  it("shows a folder's files, and each file's content escaped", async () => {
    const folder = await get(`${remoteUrl}/blob/main/lib`);
    expect(folder.body).toContain(`href="${remoteUrl}/blob/main/lib/stack.ts"`);
    expect(folder.body).toContain(
      `href="${remoteUrl}/blob/main/lib/deep/construct.ts"`,
    );
    expect(folder.body).not.toContain('catalog-info.yaml');

    const file = await get(`${remoteUrl}/blob/main/docs/xss.html`);
    expect(file.status).toBe(200);
    expect(file.body).toContain(
      '<pre>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;\n</pre>',
    );
    expect(file.body).not.toContain('<script>');

    // A file name that is markup: escaped as text, encoded in its link.
    const docs = await get(`${remoteUrl}/blob/main/docs`);
    expect(docs.body).toContain(
      `<a href="${remoteUrl}/blob/main/docs/%3Cimg%20src=x%20onerror=alert(1)%3E%20&amp;%20more.md">&lt;img src=x onerror=alert(1)&gt; &amp; more.md</a>`,
    );
    expect(docs.body).not.toContain('<img');
    const named = await get(
      `${remoteUrl}/blob/main/docs/%3Cimg%20src=x%20onerror=alert(1)%3E%20&%20more.md`,
    );
    expect(named.body).toContain('<pre>a name that is markup\n</pre>');

    const binary = await get(`${remoteUrl}/blob/main/image.bin`);
    expect(binary.body).toContain('A binary file of 10 bytes');
  });

  it('says what is missing: a file, a branch, a repository', async () => {
    await expect(get(`${remoteUrl}/blob/main/nope.md`)).resolves.toMatchObject({
      status: 404,
      body: expect.stringContaining('nope.md not found'),
    });
    await expect(get(`${remoteUrl}/blob/dev/`)).resolves.toMatchObject({
      status: 404,
      body: expect.stringContaining('not found on branch dev'),
    });
    await expect(
      get(remoteUrl.replace('orders.git', 'other.git')),
    ).resolves.toMatchObject({
      status: 404,
      body: expect.stringContaining('There is no repository at'),
    });
  });

  it('has a config, a description and hooks in the folder, so their 404 below is a refusal', () => {
    for (const file of ['config', 'description', 'hooks/pre-commit.sample']) {
      expect(fs.existsSync(path.join(gitDir, file))).toBe(true);
    }
  });

  it.each([
    'config',
    'description',
    'hooks/pre-commit.sample',
    'packed-refs',
    'refs/heads/main',
    'logs/HEAD',
    'objects/info/alternates',
    'info/exclude',
    'objects/pack/../../config',
    '../../../../../../etc/passwd',
    'objects/%2e%2e/config',
  ])(
    'serves nothing of the repository folder but what git clone reads: %s',
    async file => {
      const response = await rawGet(
        port,
        `/api/local-git/github.com/acme/orders.git/${file}`,
      );
      expect(response.status).toBe(404);
      expect(response.body).not.toMatch(/\[core\]|root:/);
    },
  );

  it('refuses names that are not repository names, and paths of no repository', async () => {
    for (const requestPath of [
      '/api/local-git/github.com/..%2F..%2Fetc/x.git/HEAD',
      '/api/local-git/github.com/acme/..%2Forders.git/HEAD',
    ]) {
      const response = await rawGet(port, requestPath);
      expect(response.status).toBe(400);
      expect(response.body).toContain('may only hold letters, digits');
    }
    for (const requestPath of [
      '/api/local-git/github.com/acme/../../../../etc/passwd',
      '/api/local-git/github.com/acme/orders',
      '/api/local-git/',
    ]) {
      await expect(rawGet(port, requestPath)).resolves.toMatchObject({
        status: 404,
      });
    }
  });
});
