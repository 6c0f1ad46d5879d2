import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { backendApi } from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import localGitPublisher from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { templateDir, templateFiles } from '../templateFiles';
import { taskUserInfo } from './taskUser';

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
 * A scaffolder as the sandbox app runs it (catalog, scaffolder, the local git
 * publisher with its repository check, our module) in-process, configured for
 * the emulator landscape. A dry-run publishes nothing; the repository check
 * answers from an empty folder.
 */
export async function startScaffolder(config: object) {
  const gitDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderPlugin,
      localGitPublisher,
      internalApiModule,
      taskUserInfo(),
      mockServices.rootConfig.factory({
        data: { ...config, localGitPublisher: { directory: gitDirectory } },
      }),
    ],
  });
  const template = yaml.parse(
    fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
  );
  const files = templateFiles();

  const api = backendApi(
    `http://localhost:${backend.server.port()}`,
    mockCredentials.user.header(),
  );

  return {
    async dryRun(values: Record<string, unknown>): Promise<DryRunResult> {
      const request = () =>
        api.post<DryRunResult['body']>('/api/scaffolder/v2/dry-run', {
          template,
          values,
          secrets: {},
          directoryContents: files,
        });
      // Tests build renders with spawnSync, which blocks this process, the backend included: its
      // keep-alive timeout then closes a pooled connection just as the next request reuses it
      // (ECONNRESET). A dry-run writes nothing, so sending it again is safe.
      const { status, body } = await request().catch(error => {
        if (String((error as Error).cause).includes('ECONNRESET')) {
          return request();
        }
        throw error;
      });
      return { status, body };
    },
    async stop() {
      await backend.stop();
      fs.rmSync(gitDirectory, { recursive: true, force: true });
    },
  };
}
