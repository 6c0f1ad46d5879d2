import { encodeFilePath } from '../urlPaths';

/** Markup that is already safe; anything else interpolated into {@link html} is escaped. */
export class Html {
  constructor(readonly text: string) {}
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function render(value: unknown): string {
  if (value instanceof Html) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  return String(value).replace(/[&<>"']/g, char => ESCAPES[char]);
}

/**
 * A template tag that escapes every value, so a file's content or name (the
 * template's, untrusted) is text on the page and never markup: a value is
 * markup only when it was itself built with `html`.
 */
export function html(
  strings: TemplateStringsArray,
  ...values: unknown[]
): Html {
  return new Html(
    strings.reduce(
      (out, part, index) => out + render(values[index - 1]) + part,
    ),
  );
}

/** The repository a page shows, and the branch it shows. */
export interface PageRepository {
  /** `<owner>/<repo>`. */
  name: string;
  /** The URL to `git clone`, which is also the repository's own page. */
  remoteUrl: string;
  branch: string;
  /** `<remoteUrl>/blob/<branch>`: a file or folder's page is `<contentsUrl>/<path>`. */
  contentsUrl: string;
}

const pathUrl = (repository: PageRepository, filePath: string) =>
  filePath
    ? `${repository.contentsUrl}/${encodeFilePath(filePath)}`
    : `${repository.contentsUrl}/`;

function page(repository: PageRepository, filePath: string, body: Html) {
  const segments = filePath ? filePath.split('/') : [];
  // Every folder above the shown path links to its own page; the last segment is where we are.
  const crumbs = segments.map((segment, index) =>
    index === segments.length - 1
      ? html` / ${segment}`
      : html` /
          <a
            href="${pathUrl(
              repository,
              segments.slice(0, index + 1).join('/'),
            )}"
            >${segment}</a
          >`,
  );
  const title = filePath ? `${repository.name}: ${filePath}` : repository.name;
  return htmlDocument(
    title,
    html`<h1><a href="${repository.remoteUrl}">${repository.name}</a></h1>
      <p>
        A sandbox repository, served read-only by the backend. Branch
        <code>${repository.branch}</code>. Clone it with:
      </p>
      <pre>git clone ${repository.remoteUrl}</pre>
      <p><a href="${repository.remoteUrl}/pulls">Pull requests</a></p>
      <h2>
        <a href="${pathUrl(repository, '')}">${repository.name}</a>${crumbs}
      </h2>
      ${body}`,
  );
}

/** A whole page, in the look every page of the repositories shares. */
export function htmlDocument(title: string, body: Html): string {
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            margin: 2rem auto;
            max-width: 64rem;
            padding: 0 1rem;
          }
          pre {
            background: #f4f4f4;
            padding: 0.75rem;
            overflow-x: auto;
          }
          ul {
            list-style: none;
            padding-left: 1.25rem;
          }
          li {
            margin: 0.15rem 0;
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.text;
}

/** Nested lists of the files under a folder: folders first, each linking to its page. */
function tree(
  repository: PageRepository,
  prefix: string,
  files: string[],
): Html {
  const folders = new Map<string, string[]>();
  const here: string[] = [];
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash < 0) {
      here.push(file);
    } else {
      const folder = file.slice(0, slash);
      folders.set(folder, [
        ...(folders.get(folder) ?? []),
        file.slice(slash + 1),
      ]);
    }
  }
  const folderItems = [...folders.keys()]
    .sort()
    .map(
      folder =>
        html`<li>
          <a href="${pathUrl(repository, prefix + folder)}">${folder}/</a
          >${tree(repository, `${prefix}${folder}/`, folders.get(folder)!)}
        </li>`,
    );
  const fileItems = here.sort().map(
    file =>
      html`<li>
        <a href="${pathUrl(repository, prefix + file)}">${file}</a>
      </li>`,
  );
  return html`<ul>
    ${folderItems}${fileItems}
  </ul>`;
}

/**
 * A folder's page: every file below it, as a tree. The repository's own page
 * is the root folder's.
 *
 * @param files - paths relative to `folderPath`
 */
export function folderPage(
  repository: PageRepository,
  folderPath: string,
  files: string[],
): string {
  const prefix = folderPath ? `${folderPath}/` : '';
  return page(repository, folderPath, tree(repository, prefix, files));
}

/** A file's page: its text, or its size when it is binary. */
export function filePage(
  repository: PageRepository,
  filePath: string,
  content: Buffer,
): string {
  // As git decides: a NUL in the first 8000 bytes makes a file binary.
  const binary = content.subarray(0, 8000).includes(0);
  const body = binary
    ? html`<p>
        A binary file of ${content.length} bytes: clone the repository to get
        it.
      </p>`
    : html`<pre>${content.toString('utf8')}</pre>`;
  return page(repository, filePath, body);
}
