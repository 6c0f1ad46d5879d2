import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { refuseOptionLikePath, refuseUnsafeBranch, runGit } from './git';
import { commitDirectory, refuseGitEntries } from './workspaceCommit';

/** Where one repository lives and how it is addressed. */
export interface LocalGitRepository {
  /** The bare repository folder; `git clone` takes it as it is. */
  gitDir: string;
  /** `file://` URL of the bare repository, the publisher's `remoteUrl`. */
  remoteUrl: string;
}

/** A file (or folder) inside a branch of a local repository, parsed from a contents URL. */
export interface LocalGitLocation {
  gitDir: string;
  branch: string;
  /** Path inside the repository, without a leading slash; '' is the root. */
  filePath: string;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

const CONTENTS_URL = /^(.+\.git)\/blob\/([^/]+)(?:\/(.*))?$/;

/**
 * Bare git repositories under one folder, laid out as
 * `<folder>/<host>/<owner>/<repo>.git`. Uses the git CLI: isomorphic-git,
 * which the scaffolder's helpers use, can only push over HTTP.
 */
export class LocalGitRepositories {
  readonly directory: string;

  constructor(directory: string) {
    if (!path.isAbsolute(directory)) {
      throw new InputError(
        `localGitPublisher.directory must be an absolute path, got '${directory}'`,
      );
    }
    this.directory = path.normalize(directory);
  }

  repository(host: string, owner: string, repo: string): LocalGitRepository {
    for (const [field, value] of Object.entries({ host, owner, repo })) {
      if (!/^[A-Za-z0-9._:-]+$/.test(value) || /^\.+$/.test(value)) {
        throw new InputError(
          `Repository ${field} '${value}' may only hold letters, digits, '.', '_', ':' and '-'`,
        );
      }
    }
    const gitDir = path.join(this.directory, host, owner, `${repo}.git`);
    return { gitDir, remoteUrl: pathToFileURL(gitDir).href };
  }

  /** The URL the catalog reads a repository's files from, like GitHub's `.../blob/<branch>`. */
  contentsUrl(repository: LocalGitRepository, branch: string): string {
    return `${repository.remoteUrl}/blob/${branch}`;
  }

  /** Parses a contents URL; undefined when it is not one of ours. */
  locate(url: URL): LocalGitLocation | undefined {
    if (url.protocol !== 'file:') {
      return undefined;
    }
    const match = CONTENTS_URL.exec(fileURLToPath(url));
    if (!match || !match[1].startsWith(`${this.directory}${path.sep}`)) {
      return undefined;
    }
    return {
      gitDir: match[1],
      branch: match[2],
      filePath: (match[3] ?? '').replace(/\/+$/, ''),
    };
  }

  /**
   * The folder of a repository that takes this one's name, if any. Owner and
   * name compare without case, as on GitHub, where `Acme/Orders-API` and
   * `acme/orders-api` are one repository.
   */
  existing(repository: LocalGitRepository): string | undefined {
    const ownerDir = path.dirname(repository.gitDir);
    const hostDir = path.dirname(ownerDir);
    const match = (dir: string, name: string) => {
      const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
      const found = entries.find(
        entry => entry.toLowerCase() === name.toLowerCase(),
      );
      return found === undefined ? undefined : path.join(dir, found);
    };
    const owner = match(hostDir, path.basename(ownerDir));
    return owner && match(owner, path.basename(repository.gitDir));
  }

  /**
   * Commits `sourceDir` as the first commit of `branch` and stores it as a new
   * bare repository. Refuses when the repository exists, as a Git host does,
   * and when `sourceDir` holds a `.git` (see refuseGitEntries).
   */
  async publish(options: {
    repository: LocalGitRepository;
    sourceDir: string;
    branch: string;
    description?: string;
    commitMessage: string;
    author: { name: string; email: string };
  }): Promise<{ commitHash: string }> {
    const { repository, sourceDir } = options;
    const existing = this.existing(repository);
    if (existing) {
      throw new ConflictError(
        `Repository ${existing} already exists; choose another repository name ` +
          '(restarting the sandbox starts with no repositories)',
      );
    }
    refuseGitEntries(sourceDir);
    const { commitHash } = await commitDirectory({
      sourceDir,
      branch: options.branch,
      commitMessage: options.commitMessage,
      author: options.author,
      targetGitDir: repository.gitDir,
    });
    if (options.description) {
      fs.writeFileSync(
        path.join(repository.gitDir, 'description'),
        `${options.description}\n`,
      );
    }
    return { commitHash };
  }

  /**
   * The object id of a file or tree at a branch; NotFoundError when absent.
   * `branch:path` is one argument that starts with the branch, which
   * refuseLocation keeps from starting with '-'.
   */
  async objectId(location: LocalGitLocation): Promise<string> {
    refuseLocation(location);
    try {
      const stdout = await this.git(
        location,
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${location.branch}:${location.filePath}`,
      );
      return stdout.toString().trim();
    } catch {
      throw new NotFoundError(
        `${location.filePath || '/'} not found on branch ${
          location.branch
        } of ${location.gitDir}`,
      );
    }
  }

  /** The content of a blob, by the id objectId or listFiles gave. */
  async readBlob(location: LocalGitLocation, objectId: string) {
    if (!OBJECT_ID.test(objectId)) {
      throw new InputError(
        `'${objectId}' is not a git object id (40 or 64 hex digits)`,
      );
    }
    return this.git(location, 'cat-file', 'blob', objectId);
  }

  /** Every file on the branch with its blob id, for glob search. */
  async listFiles(
    location: LocalGitLocation,
  ): Promise<Array<{ path: string; objectId: string }>> {
    // Only the branch reaches git; filePath (a search pattern) does not.
    refuseUnsafeBranch(location.branch);
    const stdout = await this.git(
      location,
      'ls-tree',
      '-r',
      '-z',
      '--end-of-options',
      location.branch,
    );
    // Each entry is '<mode> <type> <id>\t<path>'; submodules (commits) have no content.
    return stdout
      .toString()
      .split('\0')
      .map(entry => /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, objectId, filePath]) => ({ path: filePath, objectId }));
  }

  /** A tar archive of the branch (or one folder of it). */
  async archive(location: LocalGitLocation): Promise<Buffer> {
    refuseLocation(location);
    // '--' ends the options: git archive reads options after the tree-ish
    // too, so a path '--output=…' would otherwise choose where it writes.
    // --literal-pathspecs: a path ':(exclude)…' is a file name, not magic.
    return this.git(
      location,
      '--literal-pathspecs',
      'archive',
      '--format=tar',
      location.branch,
      '--',
      ...(location.filePath ? [location.filePath] : []),
    );
  }

  private git(location: LocalGitLocation, ...args: string[]) {
    // The repositories are bare and named by --git-dir; the working folder is
    // the file system root, which no template writes.
    return runGit([`--git-dir=${location.gitDir}`, ...args], {
      cwd: path.parse(location.gitDir).root,
    });
  }
}

/** Refuses a branch or path that git could read as an option or revision syntax. */
function refuseLocation(location: LocalGitLocation) {
  refuseUnsafeBranch(location.branch);
  refuseOptionLikePath(location.filePath);
}

export function localGitRepositoriesFromConfig(config: {
  getString(key: string): string;
}) {
  return new LocalGitRepositories(
    config.getString('localGitPublisher.directory'),
  );
}
