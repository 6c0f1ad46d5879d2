import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { Request, Response } from 'express';
import type { LocalGitRepository } from '../localGitRepositories';
import { pullRequestUrl, withUrl } from '../pullRequests/address';
import {
  mergePullRequest,
  pullRequestDiff,
  requireRecord,
} from '../pullRequests/localPullRequests';
import { listRecords } from '../pullRequests/records';
import { pullRequestListPage, pullRequestPage } from './pullRequestPages';

// Numbers as the action gives them: no 0, no leading zeros, so each page has one URL.
const PULL = /^pull\/([1-9]\d{0,8})\/?$/;
const MERGE = /^pull\/([1-9]\d{0,8})\/merge$/;
const PULLS = /^pulls\/?$/;

/** Whether a path inside a repository (below `<repo>.git/`) is one of these routes' to answer. */
export function servePullRequests(rest: string): boolean {
  return PULLS.test(rest) || rest.startsWith('pull/');
}

/**
 * The pages that hold the Merge form. Backstage answers with
 * `Referrer-Policy: no-referrer`, under which Chromium posts a form with
 * `Origin: null` even to its own origin, and refuseCrossSite would refuse
 * every merge; `same-origin` lets the browser name the page's origin.
 */
const MERGE_FORM_POLICY = { 'Referrer-Policy': 'same-origin' };

/**
 * A repository's pull requests: `GET pulls` lists them, `GET pull/<n>` shows
 * one, `POST pull/<n>/merge` merges it and sends the browser back to its
 * page (303). The merge is the only write the local-git plugin serves, and
 * it takes no token: the plugin is installed only with `localGitPublisher`,
 * in the sandbox, on loopback (module.ts). Other sites' pages are kept from
 * posting it (refuseCrossSite).
 */
export function createPullRequestRoutes(options: {
  mergeAuthor: { name: string; email: string };
}) {
  async function page(
    repository: LocalGitRepository,
    number: number,
    refusal?: string,
  ) {
    const record = requireRecord(repository, number);
    const diff = await pullRequestDiff(repository, record);
    return pullRequestPage(
      repository,
      withUrl(repository, record),
      diff,
      refusal,
    );
  }

  return {
    async get(
      _req: Request,
      res: Response,
      repository: LocalGitRepository,
      rest: string,
    ) {
      if (PULLS.test(rest)) {
        const pullRequests = listRecords(repository.gitDir).map(record =>
          withUrl(repository, record),
        );
        res.type('html').send(pullRequestListPage(repository, pullRequests));
        return;
      }
      const pull = PULL.exec(rest);
      if (pull) {
        res
          .set(MERGE_FORM_POLICY)
          .type('html')
          .send(await page(repository, Number(pull[1])));
        return;
      }
      const merge = MERGE.exec(rest);
      if (merge) {
        res
          .status(405)
          .set('Allow', 'POST')
          .type('text/plain')
          .send(
            `Merging takes a POST: use the Merge button on ${pullRequestUrl(
              repository,
              Number(merge[1]),
            )}`,
          );
        return;
      }
      throw new NotFoundError(
        `'${rest}' is not served: a pull request's page is ${repository.remoteUrl}/pull/<number>, ` +
          `and the list ${repository.remoteUrl}/pulls`,
      );
    },

    async post(
      req: Request,
      res: Response,
      repository: LocalGitRepository,
      rest: string,
    ) {
      const merge = MERGE.exec(rest);
      if (!merge) {
        throw new NotFoundError(
          `POST '${rest}' is not served: the only POST is a merge, ${repository.remoteUrl}/pull/<number>/merge`,
        );
      }
      refuseCrossSite(req);
      const number = Number(merge[1]);
      try {
        await mergePullRequest(repository, number, options.mergeAuthor);
      } catch (error) {
        // A refused merge (conflict, missing base) shows on the page, where the button was pressed.
        if ((error as Error).name === 'ConflictError') {
          res
            .status(409)
            .set(MERGE_FORM_POLICY)
            .type('html')
            .send(await page(repository, number, (error as Error).message));
          return;
        }
        throw error;
      }
      res.redirect(303, pullRequestUrl(repository, number));
    },
  };
}

/**
 * The merge needs no token, so any page open in the person's browser could
 * post it to the sandbox's backend. A browser names the posting page's
 * origin in `Origin`; one other than this server's own is refused. Clients
 * that send none (git, curl, tests) are not browsers.
 */
function refuseCrossSite(req: Request) {
  const origin = req.get('origin');
  const own = `${req.protocol}://${req.get('host')}`;
  if (origin !== undefined && origin !== own) {
    throw new NotAllowedError(
      `A merge posted from ${origin} is refused: merge from the pull request's own page (${own})`,
    );
  }
}
