import { runGitOnRepository } from '../git';

/**
 * The commit a branch of a bare repository points at; undefined when it has
 * no such branch. Named in full (`refs/heads/…`), so neither a tag nor an
 * option can be meant; callers have checked the name (refuseUnsafeBranch).
 */
export async function branchCommit(
  gitDir: string,
  branch: string,
): Promise<string | undefined> {
  try {
    const stdout = await runGitOnRepository(gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{commit}`,
    ]);
    return stdout.toString().trim();
  } catch (error) {
    if (exitCode(error) === 1) {
      return undefined;
    }
    throw error;
  }
}

/** The repository's branches, for messages that name the ones there are. */
export async function branchNames(gitDir: string): Promise<string[]> {
  const stdout = await runGitOnRepository(gitDir, [
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads/',
  ]);
  return stdout.toString().split('\n').filter(Boolean);
}

/** Whether `ancestor` is `descendant` or in its history (commit ids). */
export async function isAncestor(
  gitDir: string,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  try {
    await runGitOnRepository(gitDir, [
      'merge-base',
      '--is-ancestor',
      ancestor,
      descendant,
    ]);
    return true;
  } catch (error) {
    if (exitCode(error) === 1) {
      return false;
    }
    throw error;
  }
}

/** The exit status of a failed git run (execFile's error `code`); undefined when git did not run. */
export function exitCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}
