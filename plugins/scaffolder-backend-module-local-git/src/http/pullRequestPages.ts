import type { LocalGitRepository } from '../localGitRepositories';
import type { LocalPullRequest } from '../pullRequests/address';
import { html, htmlDocument } from './pages';

const stateText = (pullRequest: LocalPullRequest) =>
  `${pullRequest.state === 'merged' ? 'Merged' : 'Open'}${
    pullRequest.draft ? ' (draft)' : ''
  }`;

function heading(repository: LocalGitRepository) {
  return html`<h1><a href="${repository.remoteUrl}">${repository.name}</a></h1>
    <p>
      A pull request of a sandbox repository: the backend keeps it beside the
      repository, and its Merge button merges the branch into its base.
      <a href="${repository.remoteUrl}/pulls">All pull requests</a>
    </p>`;
}

/**
 * A pull request's page: title, state, branch → base, the description and
 * the change (`git diff base...branch`), both as escaped preformatted text,
 * and, while it is open, a Merge button (a form POST, so no script). With
 * `refusal`, why the last merge was refused.
 */
export function pullRequestPage(
  repository: LocalGitRepository,
  pullRequest: LocalPullRequest,
  diff: string,
  refusal?: string,
): string {
  const merged =
    pullRequest.state === 'merged'
      ? html`<p>
          Merged into <code>${pullRequest.base}</code> at
          <code>${pullRequest.mergedAt}</code> as commit
          <code>${pullRequest.mergeCommit}</code>.
        </p>`
      : html`<form method="post" action="${pullRequest.url}/merge">
          <button type="submit">Merge</button>
        </form>`;
  const refused = refusal
    ? html`<p role="alert"><strong>Not merged:</strong> ${refusal}</p>`
    : '';
  return htmlDocument(
    `${repository.name}#${pullRequest.number}: ${pullRequest.title}`,
    html`${heading(repository)}
      <h2>#${pullRequest.number} ${pullRequest.title}</h2>
      <p>
        <strong>${stateText(pullRequest)}</strong>:
        <code>${pullRequest.branch}</code> → <code>${pullRequest.base}</code>,
        opened at <code>${pullRequest.createdAt}</code>, head commit
        <code>${pullRequest.headCommit}</code>.
      </p>
      ${refused}${merged}
      <h3>Description</h3>
      <pre>${pullRequest.description}</pre>
      <h3>Changes</h3>
      <pre>${diff || '(no changes)'}</pre>`,
  );
}

/** The list of a repository's pull requests, newest first, each linking to its page. */
export function pullRequestListPage(
  repository: LocalGitRepository,
  pullRequests: LocalPullRequest[],
): string {
  const items = [...pullRequests].reverse().map(
    pullRequest =>
      html`<li>
        <a href="${pullRequest.url}"
          >#${pullRequest.number} ${pullRequest.title}</a
        >
        · ${stateText(pullRequest)} · <code>${pullRequest.branch}</code> →
        <code>${pullRequest.base}</code>
      </li>`,
  );
  return htmlDocument(
    `${repository.name}: pull requests`,
    html`${heading(repository)}
      <h2>Pull requests</h2>
      ${items.length > 0
        ? html`<ul>
            ${items}
          </ul>`
        : html`<p>None yet: publish:github:pull-request opens them.</p>`}`,
  );
}
