import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

export const templateDir = path.resolve(__dirname, '..', '..');
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

export interface DryRunResult {
  status: number;
  body: {
    errors?: {
      message: string;
      property?: string;
      path?: (string | number)[];
    }[];
    error?: { name: string; message: string };
    directoryContents?: { path: string; base64Content: string }[];
    output?: Record<string, unknown>;
    steps?: { id: string }[];
    log?: { body: { message: string; stepId?: string; status?: string } }[];
  };
}

/**
 * A scaffolder as the app runs it (catalog, scaffolder, GitHub publisher, our
 * module) in-process, configured for the emulator landscape.
 */
export async function startScaffolder(config: object) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderPlugin,
      githubModule,
      internalApiModule,
      mockServices.rootConfig.factory({
        data: {
          ...config,
          integrations: { github: [{ host: 'github.com', token: 'dry-run' }] },
        },
      }),
    ],
  });
  const template = yaml.parse(
    fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
  );
  const files = templateFiles();

  return {
    async dryRun(values: Record<string, unknown>): Promise<DryRunResult> {
      const response = await fetch(
        `http://localhost:${backend.server.port()}/api/scaffolder/v2/dry-run`,
        {
          method: 'POST',
          headers: {
            authorization: mockCredentials.user.header(),
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            template,
            values,
            secrets: {},
            directoryContents: files,
          }),
        },
      );
      return { status: response.status, body: await response.json() };
    },
    stop: () => backend.stop(),
  };
}
