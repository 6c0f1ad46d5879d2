import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';

const run = promisify(execFile);

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
   * Commits `sourceDir` as the first commit of `branch` and stores it as a new
   * bare repository. Refuses when the repository exists, as a Git host does.
   */
  async publish(options: {
    repository: LocalGitRepository;
    sourceDir: string;
    branch: string;
    description?: string;
    commitMessage: string;
    author: { name: string; email: string };
  }): Promise<{ commitHash: string }> {
    const { repository, sourceDir, branch, author } = options;
    if (fs.existsSync(repository.gitDir)) {
      throw new ConflictError(
        `Repository ${repository.gitDir} already exists; choose another repository name ` +
          '(restarting the sandbox starts with no repositories)',
      );
    }
    const git = (cwd: string, ...args: string[]) =>
      run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    await git(sourceDir, 'init', '--quiet', `--initial-branch=${branch}`);
    await git(sourceDir, 'add', '--all');
    await git(
      sourceDir,
      '-c',
      `user.name=${author.name}`,
      '-c',
      `user.email=${author.email}`,
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      options.commitMessage,
    );
    const { stdout } = await git(sourceDir, 'rev-parse', 'HEAD');
    fs.mkdirSync(path.dirname(repository.gitDir), { recursive: true });
    await git(sourceDir, 'clone', '--quiet', '--bare', '.', repository.gitDir);
    if (options.description) {
      fs.writeFileSync(
        path.join(repository.gitDir, 'description'),
        `${options.description}\n`,
      );
    }
    // The workspace keeps no trace of the local commit, as after a push.
    fs.rmSync(path.join(sourceDir, '.git'), { recursive: true, force: true });
    return { commitHash: stdout.trim() };
  }

  /** The object id of a file or tree at a branch; NotFoundError when absent. */
  async objectId(location: LocalGitLocation): Promise<string> {
    try {
      const { stdout } = await this.git(
        location,
        'rev-parse',
        '--verify',
        '--quiet',
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

  async readBlob(location: LocalGitLocation, objectId: string) {
    const { stdout } = await this.git(location, 'cat-file', 'blob', objectId);
    return stdout;
  }

  /** Every file path on the branch, for glob search. */
  async listFiles(location: LocalGitLocation): Promise<string[]> {
    const { stdout } = await this.git(
      location,
      'ls-tree',
      '-r',
      '--name-only',
      '-z',
      location.branch,
    );
    return stdout.toString().split('\0').filter(Boolean);
  }

  /** A tar archive of the branch (or one folder of it). */
  async archive(location: LocalGitLocation): Promise<Buffer> {
    const { stdout } = await this.git(
      location,
      'archive',
      '--format=tar',
      location.branch,
      ...(location.filePath ? [location.filePath] : []),
    );
    return stdout;
  }

  private git(location: LocalGitLocation, ...args: string[]) {
    return run('git', ['--git-dir', location.gitDir, ...args], {
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
    });
  }
}

export function localGitRepositoriesFromConfig(config: {
  getString(key: string): string;
}) {
  return new LocalGitRepositories(
    config.getString('localGitPublisher.directory'),
  );
}
