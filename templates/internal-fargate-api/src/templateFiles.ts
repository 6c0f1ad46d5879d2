import fs from 'node:fs';
import path from 'node:path';

// The package folder holds template.yaml and skeleton/; it sits two levels below the repository root.
export const templateDir = path.dirname(
  require.resolve('@internal/template-internal-fargate-api/package.json'),
);
export const repoRoot = path.resolve(templateDir, '..', '..');

/** template.yaml and the skeleton, as the dry-run API takes them. */
export function templateFiles(
  dir = templateDir,
  prefix = '',
): { path: string; base64Content: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = path.posix.join(prefix, entry.name);
    if (prefix === '' && !['template.yaml', 'skeleton'].includes(entry.name)) {
      return [];
    }
    const absolute = path.join(dir, entry.name);
    return entry.isDirectory()
      ? templateFiles(absolute, relative)
      : [
          {
            path: relative,
            base64Content: fs.readFileSync(absolute).toString('base64'),
          },
        ];
  });
}
