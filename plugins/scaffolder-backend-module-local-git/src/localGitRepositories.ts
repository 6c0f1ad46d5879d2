import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  refuseOptionLikePath,
  refuseUnsafeBranch,
  runGitOnRepository,
} from './git';
import { decodeUrlPath } from './urlPaths';
import { commitDirectory, refuseGitEntries } from './workspaceCommit';

/** Where one repository lives and how it is addressed. */
export interface LocalGitRepository {
  /** `<owner>/<repo>`. */
  name: string;
  /** The bare repository folder. */
  gitDir: string;
  /**
   * `<baseUrl>/<host>/<owner>/<repo>.git`, the publisher's `remoteUrl`:
   * `git clone` takes it, a browser shows the repository's files.
   */
  remoteUrl: string;
}

/** A file (or folder) inside a branch of a local repository, parsed from a contents URL. */
export interface LocalGitLocation {
  gitDir: string;
  branch: string;
  /** The branch's URL, `<remoteUrl>/blob/<branch>`; file URLs are `<contentsUrl>/<path>`. */
  contentsUrl: string;
  /** Path inside the repository, without a leading slash; '' is the root. */
  filePath: string;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `<host>/<owner>/<repo>.git[/<rest>]`, below baseUrl. */
const REPOSITORY_PATH = /^([^/]+)\/([^/]+)\/([^/]+)\.git(?:\/(.*))?$/;

export interface LocalGitRepositoriesOptions {
  /** Absolute folder of the repositories, `localGitPublisher.directory`. */
  directory: string;
  /**
   * Where the backend serves that folder: the local-git plugin's external
   * base URL (`<backend.baseUrl>/api/local-git`). Every URL starts with it.
   */
  baseUrl: string;
}

/**
 * Bare git repositories under one folder, laid out as
 * `<folder>/<host>/<owner>/<repo>.git` and addressed as
 * `<baseUrl>/<host>/<owner>/<repo>.git`. Uses the git CLI: isomorphic-git,
 * which the scaffolder's helpers use, can only push over HTTP.
 */
export class LocalGitRepositories {
  readonly directory: string;
  readonly baseUrl: string;
  private readonly origin: string;
  /** baseUrl's path, without a trailing slash. */
  private readonly basePath: string;

  constructor(options: LocalGitRepositoriesOptions) {
    const { directory } = options;
    if (!path.isAbsolute(directory)) {
      throw new InputError(
        `localGitPublisher.directory must be an absolute path, got '${directory}'`,
      );
    }
    this.directory = path.normalize(directory);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const base = new URL(this.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/$/, '');
  }

  repository(host: string, owner: string, repo: string): LocalGitRepository {
    for (const [field, value] of Object.entries({ host, owner, repo })) {
      if (!/^[A-Za-z0-9._:-]+$/.test(value) || /^\.+$/.test(value)) {
        throw new InputError(
          `Repository ${field} '${value}' may only hold letters, digits, '.', '_', ':' and '-'`,
        );
      }
    }
    return {
      name: `${owner}/${repo}`,
      gitDir: path.join(this.directory, host, owner, `${repo}.git`),
      remoteUrl: `${this.baseUrl}/${host}/${owner}/${repo}.git`,
    };
  }

  /** The URL the catalog reads a repository's files from, like GitHub's `.../blob/<branch>`. */
  contentsUrl(repository: LocalGitRepository, branch: string): string {
    return `${repository.remoteUrl}/blob/${encodeURIComponent(branch)}`;
  }

  /** Whether a URL is below baseUrl, i.e. one of ours. */
  owns(url: URL): boolean {
    return (
      url.origin === this.origin && url.pathname.startsWith(`${this.basePath}/`)
    );
  }

  /** Parses a contents URL; undefined when it is not one of ours or not a contents URL. */
  locate(url: URL): LocalGitLocation | undefined {
    if (!this.owns(url)) {
      return undefined;
    }
    const resolved = this.resolvePath(
      url.pathname.slice(this.basePath.length + 1),
    );
    return resolved && this.locateIn(resolved.repository, resolved.rest);
  }

  /**
   * Parses a path below baseUrl, URL-encoded and without a leading slash:
   * `<host>/<owner>/<repo>.git[/<rest>]` gives the repository and `rest` (still
   * encoded); another shape gives undefined. Names that no repository can
   * have (`..`, `/`, …) are refused.
   */
  resolvePath(
    relative: string,
  ): { repository: LocalGitRepository; rest: string } | undefined {
    const match = REPOSITORY_PATH.exec(relative);
    if (!match) {
      return undefined;
    }
    const [host, owner, repo] = match.slice(1, 4).map(decodeUrlPath);
    return {
      repository: this.repository(host, owner, repo),
      rest: match[4] ?? '',
    };
  }

  /** Parses `blob/<branch>[/<path>]` (URL-encoded) in a repository; undefined for another shape. */
  locateIn(
    repository: LocalGitRepository,
    rest: string,
  ): LocalGitLocation | undefined {
    const match = /^blob\/([^/]+)(?:\/(.*))?$/.exec(rest);
    if (!match) {
      return undefined;
    }
    const branch = decodeUrlPath(match[1]);
    return {
      gitDir: repository.gitDir,
      branch,
      contentsUrl: this.contentsUrl(repository, branch),
      filePath: decodeUrlPath(match[2] ?? '').replace(/\/+$/, ''),
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
   * and when `sourceDir` holds a `.git` (see refuseGitEntries). The repository
   * is built beside its place and renamed into it, so it appears whole, and of
   * two tasks publishing one name at once, one wins and the other is refused
   * (the rename onto a repository that exists fails).
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
    const refusal = (existing: string) =>
      new ConflictError(
        `Repository ${existing} already exists; choose another repository name ` +
          '(restarting the sandbox starts with no repositories)',
      );
    const existing = this.existing(repository);
    if (existing) {
      throw refusal(existing);
    }
    refuseGitEntries(sourceDir);
    // A dot folder in the owner's folder: never listed as a repository, same file system for the rename.
    const building = path.join(
      path.dirname(repository.gitDir),
      `.publishing-${path.basename(repository.gitDir)}-${randomUUID()}`,
    );
    try {
      const { commitHash } = await commitDirectory({
        sourceDir,
        branch: options.branch,
        commitMessage: options.commitMessage,
        author: options.author,
        targetGitDir: building,
      });
      if (options.description) {
        fs.writeFileSync(
          path.join(building, 'description'),
          `${options.description}\n`,
        );
      }
      // Writes info/refs and objects/info/packs, the index files that git's
      // "dumb" HTTP protocol reads: the backend serves the repository that way.
      await this.git(building, 'update-server-info');
      try {
        fs.renameSync(building, repository.gitDir);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST') {
          throw refusal(repository.gitDir);
        }
        throw error;
      }
      return { commitHash };
    } finally {
      fs.rmSync(building, { recursive: true, force: true });
    }
  }

  /** The branch HEAD names, which `git clone` checks out. */
  async defaultBranch(repository: LocalGitRepository): Promise<string> {
    const stdout = await this.git(
      repository.gitDir,
      'symbolic-ref',
      '--quiet',
      '--short',
      'HEAD',
    );
    return stdout.toString().trim();
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
        location.gitDir,
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
    return this.git(location.gitDir, 'cat-file', 'blob', objectId);
  }

  /** Every file on the branch with its blob id, for glob search. */
  async listFiles(
    location: LocalGitLocation,
  ): Promise<Array<{ path: string; objectId: string }>> {
    // Only the branch reaches git; filePath (a search pattern) does not.
    refuseUnsafeBranch(location.branch);
    const stdout = await this.git(
      location.gitDir,
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
      location.gitDir,
      '--literal-pathspecs',
      'archive',
      '--format=tar',
      location.branch,
      '--',
      ...(location.filePath ? [location.filePath] : []),
    );
  }

  private git(gitDir: string, ...args: string[]) {
    return runGitOnRepository(gitDir, args);
  }
}

/** Refuses a branch or path that git could read as an option or revision syntax. */
function refuseLocation(location: LocalGitLocation) {
  refuseUnsafeBranch(location.branch);
  refuseOptionLikePath(location.filePath);
}
