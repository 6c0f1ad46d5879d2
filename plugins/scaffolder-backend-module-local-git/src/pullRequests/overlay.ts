import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { StagingRepository } from '../stagingRepository';

/** One entry of a git tree listed recursively: a file (100644, 100755), a symlink (120000) or a submodule (160000). */
export interface TreeEntry {
  mode: string;
  objectId: string;
  /** From the repository's root, '/'-separated. */
  path: string;
}

/** Parses `git ls-tree -r -z`: NUL-separated `<mode> <type> <id>\t<path>`. */
export function parseTreeEntries(lsTree: Buffer): TreeEntry[] {
  return lsTree
    .toString('utf8')
    .split('\0')
    .filter(line => line !== '')
    .map(line => {
      const match = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(line);
      if (!match) {
        throw new Error(`Unexpected line from git ls-tree: '${line}'`);
      }
      return { mode: match[1], objectId: match[2], path: match[3] };
    });
}

/**
 * A path inside the repository given by a template (`targetPath`, an entry
 * of `filesToDelete`), normalized: `''` is the root. Refused (InputError
 * naming the field and value) when it is absolute, leaves the repository
 * (`..`) or goes into `.git`, which no commit can hold.
 */
export function repositoryPath(field: string, value: string): string {
  const normalized = path.posix.normalize(value).replace(/\/+$/, '');
  const fix = 'give a path relative to the repository root, e.g. config';
  if (value.startsWith('/')) {
    throw new InputError(`${field} '${value}' is absolute; ${fix}`);
  }
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new InputError(`${field} '${value}' leaves the repository; ${fix}`);
  }
  if (normalized.split('/').some(segment => segment.toLowerCase() === '.git')) {
    throw new InputError(
      `${field} '${value}' is inside .git, which no commit can hold; ${fix}`,
    );
  }
  return normalized === '.' ? '' : normalized;
}

/**
 * The files of a commit after a pull request's change, as GitHub's tree API
 * applies it (publish:github:pull-request): every `written` file replaces
 * the one at its path (a file replaces a folder of that name, and a folder a
 * file), files not written stay as they were, and `deleted` paths (a file,
 * or a folder with everything in it) go, after the writes.
 */
export function overlayEntries(
  base: TreeEntry[],
  written: TreeEntry[],
  deleted: string[],
): TreeEntry[] {
  const result = new Map(base.map(entry => [entry.path, entry]));
  const folders = new Set(base.flatMap(entry => ancestors(entry.path)));
  const removeAt = (target: string) => {
    result.delete(target);
    if (folders.has(target)) {
      for (const key of [...result.keys()]) {
        if (key.startsWith(`${target}/`)) {
          result.delete(key);
        }
      }
    }
  };
  for (const entry of written) {
    removeAt(entry.path);
    for (const folder of ancestors(entry.path)) {
      result.delete(folder);
    }
    result.set(entry.path, entry);
  }
  for (const target of deleted) {
    removeAt(target);
  }
  return [...result.values()];
}

/** 'a/b/c' → ['a', 'a/b']. */
function ancestors(filePath: string): string[] {
  const segments = filePath.split('/');
  return segments
    .slice(1)
    .map((_, index) => segments.slice(0, index + 1).join('/'));
}

/**
 * Builds, in the scratch repository, the tree of `parent` with the files of
 * `sourceDir` written under `targetPath` and `filesToDelete` removed
 * (overlayEntries), and returns its id. `git add` reads `sourceDir` as a work
 * tree, so its .gitignore applies, as upstream's file list honours it, and
 * symlinks and executable bits keep their modes. The caller has refused a
 * `sourceDir` holding `.git` (refuseGitEntries).
 */
export async function overlayTree(
  staging: StagingRepository,
  options: {
    parent: string;
    sourceDir: string;
    targetPath: string;
    filesToDelete: string[];
  },
): Promise<string> {
  const { parent, targetPath } = options;
  // Absolute: git runs in the scratch folder, not where a relative path points.
  await staging.git(['add', '--all'], {
    workTree: path.resolve(options.sourceDir),
  });
  const sourceTree = await writeTree(staging);
  const written = parseTreeEntries(
    await staging.git(['ls-tree', '-r', '-z', sourceTree]),
  ).map(entry => ({
    ...entry,
    path: targetPath ? `${targetPath}/${entry.path}` : entry.path,
  }));
  const base = parseTreeEntries(
    await staging.git(['ls-tree', '-r', '-z', parent]),
  );
  const entries = overlayEntries(base, written, options.filesToDelete);
  await staging.git(['read-tree', '--empty']);
  // Through stdin: a large repository's list would not fit on a command line.
  await staging.git(['update-index', '--add', '-z', '--index-info'], {
    input: entries
      .map(entry => `${entry.mode} ${entry.objectId}\t${entry.path}\0`)
      .join(''),
  });
  return writeTree(staging);
}

async function writeTree(staging: StagingRepository) {
  return (await staging.git(['write-tree'])).toString().trim();
}
