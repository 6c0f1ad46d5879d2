import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { LocalGitRepositories } from '../localGitRepositories';
import { localGitPlugin } from '../module';
import { openPullRequest } from '../pullRequests/openPullRequest';
import { readRecord } from '../pullRequests/records';
import { gitIn, repositoryState } from '../__testUtils__/pullRequests';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';

const MARKUP_TITLE = '<script>alert("title")</script>';
const MARKUP_DESCRIPTION = "<b>bold</b> & 'quoted'\nsecond line";
const MARKUP_FILE = '<img src=x onerror=alert(1)>\n';

/** The local-git plugin in a started backend: pull request pages and the merge, no credentials sent. */
describe('the pull request pages and their Merge button', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let backend: TestBackend;
  let repositories: LocalGitRepositories;
  let remoteUrl: string;
  let gitDir: string;
  let origin: string;

  beforeEach(async () => {
    root = temporaryFolder('local-git');
    backend = await startTestBackend({
      features: [
        localGitPlugin,
        mockServices.rootConfig.factory({
          data: {
            localGitPublisher: { directory: root.dir },
            scaffolder: {
              defaultAuthor: { name: 'Sandbox', email: 'sandbox@example.com' },
            },
          },
        }),
      ],
    });
    origin = `http://localhost:${backend.server.port()}`;
    repositories = new LocalGitRepositories({
      directory: root.dir,
      baseUrl: `${origin}/api/local-git`,
    });
    const repository = repositories.repository('github.com', 'acme', 'orders');
    ({ remoteUrl, gitDir } = repository);
    const source = temporaryFolder('source');
    writeFiles(source.dir, { 'README.md': '# orders\n' });
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    source.remove();
  });
  afterEach(async () => {
    await backend?.stop();
    root?.remove();
  });

  async function propose(branch: string, files: Record<string, string>) {
    const source = temporaryFolder('source');
    try {
      writeFiles(source.dir, files);
      return (await openPullRequest(repositories, {
        repository: repositories.repository('github.com', 'acme', 'orders'),
        sourceDir: source.dir,
        branch,
        update: false,
        title: MARKUP_TITLE,
        description: MARKUP_DESCRIPTION,
        draft: false,
        createWhenEmpty: true,
        commitMessage: 'Change',
        author: { name: 'Sam', email: 'sam@example.com' },
      }))!;
    } finally {
      source.remove();
    }
  }
  const get = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    return { status: response.status, body: await response.text() };
  };
  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', redirect: 'manual', headers });

  it('shows title, description, branch → base and the diff, all escaped, with a Merge button', async () => {
    const opened = await propose('change', { 'docs/xss.md': MARKUP_FILE });
    expect(opened.url).toBe(`${remoteUrl}/pull/1`);

    const page = await get(opened.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      '#1 &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;',
    );
    expect(page.body).toContain(
      '<pre>&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;\nsecond line</pre>',
    );
    expect(page.body).toMatch(/<code>change<\/code> → <code>main<\/code>/);
    expect(page.body).toContain('+&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).toMatch(
      new RegExp(
        `<form method="post" action="${opened.url}/merge">\\s*<button type="submit">Merge</button>`,
      ),
    );
    expect(page.body).not.toMatch(/<script|<img|<b>/);

    // Backstage sends no-referrer, under which Chromium posts the form with Origin: null (refused).
    const headers = (await fetch(opened.url)).headers;
    expect(headers.get('referrer-policy')).toBe('same-origin');

    const list = await get(`${remoteUrl}/pulls`);
    expect(list.body).toContain(`href="${opened.url}"`);
    expect(list.body).toContain('Open');
  });

  it('merges on POST and sends the browser back to the page (303), which then shows it merged', async () => {
    const opened = await propose('change', { 'docs/new.md': 'new\n' });

    const response = await post(`${opened.url}/merge`, { origin });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(opened.url);
    expect(gitIn(gitDir, 'rev-parse', 'main')).toBe(opened.headCommit);
    expect(readRecord(gitDir, 1)?.state).toBe('merged');

    const page = await get(opened.url);
    expect(page.body).toContain('Merged into <code>main</code>');
    expect(page.body).not.toContain('<form');
    // Still the change that was merged.
    expect(page.body).toContain('+++ b/docs/new.md');
  });

  it('makes a merge commit by scaffolder.defaultAuthor when main moved', async () => {
    await propose('one', { 'docs/one.md': 'one\n' });
    const two = await propose('two', { 'docs/two.md': 'two\n' });
    expect((await post(`${remoteUrl}/pull/1/merge`)).status).toBe(303);

    expect((await post(`${two.url}/merge`)).status).toBe(303);
    expect(gitIn(gitDir, 'log', '-1', '--format=%an <%ae>|%s', 'main')).toBe(
      'Sandbox <sandbox@example.com>|Merge pull request #2 from two',
    );
  });

  it('shows why a merge was refused on the page (409), leaving everything as it was', async () => {
    await propose('a', { 'README.md': '# orders A\n' });
    const b = await propose('b', { 'README.md': '# orders B\n' });
    expect((await post(`${remoteUrl}/pull/1/merge`)).status).toBe(303);
    const before = repositoryState(gitDir);

    const response = await post(`${b.url}/merge`);
    expect(response.status).toBe(409);
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const body = await response.text();
    expect(body).toContain('<strong>Not merged:</strong> Pull request #2');
    expect(body).toContain('both changed README.md');
    expect(repositoryState(gitDir)).toEqual(before);
  });

  it("refuses a merge posted from another site's page, merging nothing", async () => {
    const opened = await propose('change', { 'docs/new.md': 'new\n' });
    const before = repositoryState(gitDir);

    const response = await post(`${opened.url}/merge`, {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(
      'A merge posted from https://evil.example is refused',
    );
    expect(repositoryState(gitDir)).toEqual(before);
  });

  it('answers 405 to a GET of the merge, and 404 to numbers and paths that are not pull requests', async () => {
    await propose('change', { 'docs/new.md': 'new\n' });
    const mergeByGet = await fetch(`${remoteUrl}/pull/1/merge`);
    expect(mergeByGet.status).toBe(405);
    expect(mergeByGet.headers.get('allow')).toBe('POST');

    await expect(get(`${remoteUrl}/pull/7`)).resolves.toMatchObject({
      status: 404,
      body: expect.stringContaining(
        'acme/orders has no pull request #7; it has #1',
      ),
    });
    for (const rest of ['pull/0', 'pull/01', 'pull/x', 'pull/1/files']) {
      expect((await get(`${remoteUrl}/${rest}`)).status).toBe(404);
    }
    expect((await post(`${remoteUrl}/pull/7/merge`)).status).toBe(404);
    expect((await post(`${remoteUrl}/pull/1`)).status).toBe(404);
    expect((await post(`${remoteUrl}/blob/main/README.md`)).status).toBe(404);
    expect(readRecord(gitDir, 1)?.state).toBe('open');
  });
});
