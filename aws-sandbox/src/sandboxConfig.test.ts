import { readHttpServerOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import type { SandboxLandscape } from './landscape';
import { writeSandboxConfig } from './sandboxConfig';

const repoRoot = path.resolve(__dirname, '../..');
const readYaml = (file: string) => yaml.parse(fs.readFileSync(file, 'utf8'));

describe('the config `npm start` runs on', () => {
  it('serves the backend and the app on loopback only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-config-'));
    const landscape = { config: { internalApi: {} } } as SandboxLandscape;
    const file = writeSandboxConfig(landscape, dir);
    // The files in the order aws-sandbox/src/start.ts passes them; later ones win.
    const config = ConfigReader.fromConfigs(
      [
        path.join(repoRoot, 'app-config.yaml'),
        path.join(repoRoot, 'app-config.guest.yaml'),
        file,
      ].map(context => ({ context, data: readYaml(context) })),
    );

    // As the backend reads it (Backstage's own reader), and as the CLI's dev server does.
    expect(readHttpServerOptions(config.getConfig('backend')).listen).toEqual({
      host: '127.0.0.1',
      port: 7007,
    });
    expect(config.getString('app.listen.host')).toBe('127.0.0.1');
  });
});
