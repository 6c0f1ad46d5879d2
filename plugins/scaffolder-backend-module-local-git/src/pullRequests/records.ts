import fs from 'node:fs';
import path from 'node:path';

/** A pull request of a sandbox repository, as stored. */
export interface StoredPullRequest {
  /** 1, 2, … per repository. */
  number: number;
  title: string;
  /** Plain text (shown preformatted, never as markup). */
  description: string;
  /** The branch with the change (GitHub's head). */
  branch: string;
  /** The branch it merges into. */
  base: string;
  state: 'open' | 'merged';
  /** Accepted as publish:github:pull-request takes it; the sandbox merges drafts too. */
  draft: boolean;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  mergedAt?: string;
  /** The branch's commit: at the last update while open, the one merged once merged. */
  headCommit: string;
  /** Where the base branch was when merged: with headCommit, the change the page shows after the merge. */
  baseCommitAtMerge?: string;
  /** The base branch's commit the merge made (the head itself when fast-forwarded). */
  mergeCommit?: string;
}

/**
 * Records are JSON files in `<repo>.git/pull-requests/<number>.json`, inside
 * the bare repository's folder: they live and go with the repository (a
 * repository published again starts at #1, as on GitHub), the HTTP server
 * never sends them (it serves only what `git clone` reads, see
 * http/gitFiles.ts), and git ignores files it does not know there. Not refs:
 * a record holds text and timestamps, not commits, and a person can read it.
 */
const RECORDS_FOLDER = 'pull-requests';

const json = (record: StoredPullRequest) =>
  `${JSON.stringify(record, null, 2)}\n`;

const recordPath = (gitDir: string, number: number) =>
  path.join(gitDir, RECORDS_FOLDER, `${number}.json`);

/** Every record of a repository, by number. */
export function listRecords(gitDir: string): StoredPullRequest[] {
  const folder = path.join(gitDir, RECORDS_FOLDER);
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs
    .readdirSync(folder)
    .map(name => /^([1-9]\d*)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(match => readRecord(gitDir, Number(match[1]))!)
    .sort((a, b) => a.number - b.number);
}

/** One record; undefined when the repository has no pull request of that number. */
export function readRecord(
  gitDir: string,
  number: number,
): StoredPullRequest | undefined {
  const file = recordPath(gitDir, number);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Pull request record ${file} is not valid JSON (${error}); fix or delete the file`,
    );
  }
}

/**
 * Stores a new record under the next free number. The file is created
 * exclusively ('wx'): two pull requests opened at once get two numbers.
 */
export function createRecord(
  gitDir: string,
  fields: Omit<StoredPullRequest, 'number'>,
): StoredPullRequest {
  fs.mkdirSync(path.join(gitDir, RECORDS_FOLDER), { recursive: true });
  let number = nextNumber(gitDir);
  for (;;) {
    const record = { number, ...fields };
    try {
      fs.writeFileSync(recordPath(gitDir, number), json(record), {
        flag: 'wx',
      });
      return record;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      number += 1;
    }
  }
}

/** Replaces a record, atomically (a reader sees the old file or the new one, never half of one). */
export function updateRecord(gitDir: string, record: StoredPullRequest) {
  const file = recordPath(gitDir, record.number);
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, json(record));
  fs.renameSync(partial, file);
}

/** The number the next pull request of a repository gets. */
export function nextNumber(gitDir: string): number {
  return Math.max(0, ...listRecords(gitDir).map(r => r.number)) + 1;
}
