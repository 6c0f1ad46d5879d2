import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import { readHttpServerOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { SANDBOX_MAIN_ACCOUNT_KEYS, type SandboxLandscape } from './landscape';
import { writeSandboxConfig } from './sandboxConfig';

const repoRoot = path.resolve(__dirname, '../..');
const readYaml = (file: string) => yaml.parse(fs.readFileSync(file, 'utf8'));

// Backstage's logger keeps the formatted line under this symbol (triple-beam's MESSAGE).
const MESSAGE = Symbol.for('message');

describe('the config `npm start` runs on', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-config-'));
  const landscape = {
    config: {
      aws: { mainAccount: { ...SANDBOX_MAIN_ACCOUNT_KEYS } },
      internalApi: {},
    },
  } as SandboxLandscape;
  const file = writeSandboxConfig(landscape, dir);
  // The files in the order aws-sandbox/src/start.ts passes them; later ones win.
  const config = ConfigReader.fromConfigs(
    [
      path.join(repoRoot, 'app-config.yaml'),
      path.join(repoRoot, 'app-config.sandbox-people.yaml'),
      file,
    ].map(context => ({ context, data: readYaml(context) })),
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves the backend and the app on loopback only', () => {
    // As the backend reads it (Backstage's own reader), and as the CLI's dev server does.
    expect(readHttpServerOptions(config.getConfig('backend')).listen).toEqual({
      host: '127.0.0.1',
      port: 7007,
    });
    expect(config.getString('app.listen.host')).toBe('127.0.0.1');
  });

  it("has AWS keys that Backstage's log redaction never finds in ordinary text", () => {
    const keys = config.getConfig('aws.mainAccount');
    const secrets = [
      keys.getString('accessKeyId'),
      keys.getString('secretAccessKey'),
    ];
    // Shaped like AWS keys, so nothing shorter or more word-like can pass as one.
    expect(secrets[0]).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(secrets[1]).toMatch(/^[A-Za-z0-9/+]{40}$/);

    // Lines as `npm start` prints them (paths through .sandbox/, the words sandbox and moto).
    const log = [
      `Starting Backstage on the AWS sandbox (moto at http://127.0.0.1:40123, landscape config in ${file})`,
      `Loaded config from app-config.yaml, app-config.sandbox-people.yaml, app-config.sandbox.yaml`,
      `Published ${config.getString(
        'backend.baseUrl',
      )}/api/local-git/github.com/acme/orders-api.git (open it to browse the files, or git clone it)`,
      `Serving static app content from ${repoRoot}/packages/app/dist`,
      `Account Orders (sandbox), role backstage-internal-api in eu-west-1, AWS_ACCESS_KEY_ID unset`,
    ].join('\n');
    // Backstage's own redaction, as its root logger applies it to every line.
    const redacter = WinstonLogger.redacter();
    redacter.add(secrets);
    const entry = redacter.format.transform({
      level: 'info',
      message: log,
      [MESSAGE]: log,
    }) as Record<symbol, string>;
    expect(entry[MESSAGE]).toBe(log);
  });

  it('leaves the request log out and keeps every other entry', () => {
    // Backstage's own level filter, with the overrides the backend reads from backend.logger.
    const filter = WinstonLogger.logLevelFilter('info');
    filter.setOverrides(config.get('backend.logger.overrides'));
    const logged = (entry: { level: string; [key: string]: unknown }) =>
      filter.format.transform({ message: '', ...entry }) !== false;

    const request = { service: 'rootHttpRouter', type: 'incomingRequest' };
    expect(logged({ level: 'info', ...request })).toBe(false);
    expect(logged({ level: 'error', ...request })).toBe(true);
    expect(logged({ level: 'info', service: 'rootHttpRouter' })).toBe(true);
    expect(logged({ level: 'info', service: 'catalog' })).toBe(true);
  });
});
