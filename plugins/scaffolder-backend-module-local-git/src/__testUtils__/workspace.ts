import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** A fresh temporary folder, removed by the returned cleanup. */
export function temporaryFolder(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return {
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Writes files (path → content) under a folder. */
export function writeFiles(dir: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

/**
 * What `git clone` of a repository gives, as path → content (without .git).
 * Asynchronous: a clone over HTTP from a server in this process would wait
 * forever on a synchronous one.
 */
export async function cloneFiles(
  remote: string,
): Promise<Record<string, string>> {
  const { dir, remove } = temporaryFolder('clone');
  try {
    await promisify(execFile)('git', ['clone', '--quiet', remote, 'repo'], {
      cwd: dir,
    });
    const root = path.join(dir, 'repo');
    const files: Record<string, string> = {};
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.name === '.git') continue;
        if (entry.isDirectory()) walk(full);
        else files[path.relative(root, full)] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(root);
    return files;
  } finally {
    remove();
  }
}
