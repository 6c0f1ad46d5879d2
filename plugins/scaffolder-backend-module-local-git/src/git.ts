import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '@backstage/errors';

const execFileAsync = promisify(execFile);

/**
 * Settings given on every command line. Config files can't be trusted to hold
 * them: `-c` wins over every config file, including one a template wrote.
 * hooksPath=/dev/null runs no hook; fsmonitor=false runs no monitor command.
 */
const SAFE_CONFIG = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
];

/**
 * The environment git runs with. Inherited GIT_* variables are dropped: GIT_DIR,
 * GIT_WORK_TREE, GIT_INDEX_FILE, GIT_CONFIG_* and the like would redirect git
 * to other repositories or add config. System and global config are not read
 * (HOME and XDG_CONFIG_HOME point at /dev/null, where no file can exist), so a
 * user's `~/.gitconfig` neither adds commands nor changes what gets committed.
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toUpperCase().startsWith('GIT_')) {
      env[name] = value;
    }
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    HOME: '/dev/null',
    XDG_CONFIG_HOME: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
  };
}

/**
 * Runs git with the settings above. `cwd` must be a folder this package
 * created, never one a template wrote: callers name the repository with
 * `--git-dir` (and `--work-tree`), so git never searches for one.
 */
export async function runGit(
  args: string[],
  options: { cwd: string; input?: string | Buffer },
): Promise<Buffer> {
  const running = execFileAsync('git', [...SAFE_CONFIG, ...args], {
    cwd: options.cwd,
    env: gitEnvironment(),
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  // Lists too long for a command line (update-index --index-info) go through stdin.
  if (options.input !== undefined) {
    // A git that exits before reading all of it closes the pipe (EPIPE); its exit status reports why.
    running.child.stdin?.on('error', () => {});
    running.child.stdin?.end(options.input);
  }
  const { stdout } = await running;
  return stdout;
}

/**
 * Runs git on a bare repository this package manages, named by --git-dir.
 * The working folder is the file system root, which no template writes.
 */
export function runGitOnRepository(
  gitDir: string,
  args: string[],
  options: { input?: string | Buffer } = {},
): Promise<Buffer> {
  return runGit([`--git-dir=${gitDir}`, ...args], {
    cwd: path.parse(gitDir).root,
    input: options.input,
  });
}

/**
 * Refuses a user-derived value that git would read as an option (`-…`),
 * e.g. a path `--output=/etc/x` given to `git archive`. Call it for every
 * value that becomes (or starts) a git argument, even where `--` is passed
 * too: not every git command honours `--` at every position.
 */
export function refuseOptionLike(field: string, value: string) {
  if (value.startsWith('-')) {
    throw new InputError(
      `${field} '${value}' starts with '-', which git would read as an option; ` +
        `rename it so it does not start with '-'`,
    );
  }
}

/** A branch name: not option-like, and a valid git branch name (so no revision syntax like `main~1`). */
export function refuseUnsafeBranch(branch: string) {
  refuseOptionLike('Branch', branch);
  // The rules of `git check-ref-format`, for one refs/heads/<branch> name.
  const invalid =
    branch === '' ||
    branch === '@' ||
    /[\p{Cc} ~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|\.lock$|\.lock\/|(^|\/)\./u.test(
      branch,
    );
  if (invalid) {
    throw new InputError(
      `Branch '${branch}' is not a valid git branch name; use letters, digits, '-', '_', '.' and '/' ` +
        `(no '..', '~', '^', ':', '?', '*', '[', '\\', '@{', spaces, or a leading '.')`,
    );
  }
}

/** Every segment of a repository path: none may start with '-'. */
export function refuseOptionLikePath(filePath: string) {
  for (const segment of filePath.split('/')) {
    if (segment.startsWith('-')) {
      throw new InputError(
        `Path '${filePath}' has a segment '${segment}' that starts with '-', which git would read as an option; ` +
          'files and folders whose names start with - cannot be read through this reader',
      );
    }
  }
}
