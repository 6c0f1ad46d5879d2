import fs from 'node:fs';
import { NotFoundError } from '@backstage/errors';
import type { Request, Response } from 'express';
import Router from 'express-promise-router';
import type {
  LocalGitLocation,
  LocalGitRepositories,
  LocalGitRepository,
} from '../localGitRepositories';
import { gitFileContentType } from './gitFiles';
import { filePage, folderPage } from './pages';
import {
  createPullRequestRoutes,
  servePullRequests,
} from './pullRequestRoutes';

/**
 * Serves the repositories at `/<host>/<owner>/<repo>.git`:
 * - to `git clone`, the files git's "dumb" HTTP protocol reads (gitFiles.ts);
 * - to a browser, the repository's page (its name, the clone command and the
 *   default branch's files) and, at `blob/<branch>/<path>`, a page for each
 *   folder and file, the URLs the publisher outputs and the catalog reads;
 * - its pull requests (`pulls`, `pull/<number>`) and their merge
 *   (`POST pull/<number>/merge`), see pullRequestRoutes.ts.
 * Every other path is refused with 404. Nothing here writes git but a merge:
 * `git push` is not served.
 */
export function createRouter(options: {
  repositories: LocalGitRepositories;
  /** Who merge commits are by: `scaffolder.defaultAuthor`, as for the actions' commits. */
  mergeAuthor: { name: string; email: string };
}) {
  const { repositories } = options;
  const router = Router();
  const pullRequestRoutes = createPullRequestRoutes(options);

  /** The repository a request's path names; NotFoundError when it names none that exists. */
  const resolve = (req: Request) => {
    // req.path is still URL-encoded, so an encoded '/' stays inside its segment.
    const resolved = repositories.resolvePath(req.path.slice(1));
    if (!resolved) {
      throw new NotFoundError(
        `'${req.path}' is not a repository path; use /<host>/<owner>/<repo>.git`,
      );
    }
    if (!fs.existsSync(resolved.repository.gitDir)) {
      throw new NotFoundError(
        `There is no repository at ${resolved.repository.remoteUrl}; publish:github creates it`,
      );
    }
    return resolved;
  };

  // The one write: merging a pull request (a form on its page posts here).
  router.post('*', async (req, res) => {
    const { repository, rest } = resolve(req);
    await pullRequestRoutes.post(req, res, repository, rest);
  });

  router.get('*', async (req, res) => {
    const { repository, rest } = resolve(req);
    const contentType = gitFileContentType(rest);
    if (contentType) {
      await sendGitFile(res, repository, rest, contentType);
      return;
    }
    if (servePullRequests(rest)) {
      await pullRequestRoutes.get(req, res, repository, rest);
      return;
    }
    const location =
      rest === ''
        ? repositories.locateIn(
            repository,
            `blob/${encodeURIComponent(
              await repositories.defaultBranch(repository),
            )}`,
          )
        : repositories.locateIn(repository, rest);
    if (!location) {
      throw new NotFoundError(
        `'${rest}' is not served: a repository serves its own page, its files at ` +
          `${repository.remoteUrl}/blob/<branch>/<path>, and what git clone reads`,
      );
    }
    res.type('html').send(await renderPage(repositories, repository, location));
  });

  return router;
}

/** The page of a file or folder of a branch; NotFoundError naming what is missing. */
async function renderPage(
  repositories: LocalGitRepositories,
  repository: LocalGitRepository,
  location: LocalGitLocation,
) {
  // Refuses an option-like branch and names a missing one. The path never
  // reaches git: it is looked up in the branch's file list.
  await repositories.objectId({ ...location, filePath: '' });
  const files = await repositories.listFiles(location);
  const shown = {
    name: repository.name,
    remoteUrl: repository.remoteUrl,
    branch: location.branch,
    contentsUrl: location.contentsUrl,
  };
  const file = files.find(entry => entry.path === location.filePath);
  if (file) {
    const content = await repositories.readBlob(location, file.objectId);
    return filePage(shown, file.path, content);
  }
  const prefix = location.filePath ? `${location.filePath}/` : '';
  const inside = files
    .filter(entry => entry.path.startsWith(prefix))
    .map(entry => entry.path.slice(prefix.length));
  if (prefix && inside.length === 0) {
    throw new NotFoundError(
      `${location.filePath} not found on branch ${location.branch} of ${repository.remoteUrl}`,
    );
  }
  return folderPage(shown, location.filePath, inside);
}

/** Streams one of the files git's dumb HTTP protocol reads; 404 when the repository has none. */
function sendGitFile(
  res: Response,
  repository: LocalGitRepository,
  file: string,
  contentType: string,
) {
  // Set before sendFile, which then keeps it rather than guessing from the name.
  res.setHeader('Content-Type', contentType);
  return new Promise<void>((resolve, reject) => {
    const options = { root: repository.gitDir, dotfiles: 'deny' as const };
    res.sendFile(file, options, error => {
      if (!error) {
        resolve();
      } else if ((error as { status?: number }).status === 404) {
        reject(new NotFoundError(`${repository.remoteUrl} has no ${file}`));
      } else {
        reject(error);
      }
    });
  });
}
