import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  configFiles,
  loadConfigs,
  productionVariables,
} from './__testUtils__/configFiles';
import { runBackendUntilExit } from './__testUtils__/runBackend';
import { assertConfigMatchesSchema } from './validatedRootConfig';

function writeConfig(content: object): string {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')),
    'app-config.bad.json',
  );
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

const malformedInternalApi = {
  internalApi: {
    workloadAccounts: [
      {
        accountId: 'not-an-account',
        title: 'Orders',
        region: 'eu-west-1',
        vpcId: 'vpc-0a1b2c3d',
      },
    ],
  },
};

describe('assertConfigMatchesSchema', () => {
  it('accepts the embedded defaults', async () => {
    await expect(
      assertConfigMatchesSchema(await loadConfigs([configFiles.defaults])),
    ).resolves.toBeUndefined();
  }, 60_000);

  it('accepts the production config when its variables are set', async () => {
    const configs = await loadConfigs(
      [configFiles.defaults, configFiles.production],
      productionVariables,
    );
    await expect(assertConfigMatchesSchema(configs)).resolves.toBeUndefined();
  }, 60_000);

  it('rejects a malformed internalApi block, naming the path', async () => {
    const configs = await loadConfigs([
      configFiles.defaults,
      writeConfig(malformedInternalApi),
    ]);
    await expect(assertConfigMatchesSchema(configs)).rejects.toThrow(
      /does not match the config schema:\n.*must match pattern.*at \/internalApi\/workloadAccounts\/0\/accountId/,
    );
  }, 60_000);
});

describe('the backend started with a malformed internalApi block', () => {
  it('exits at startup with the schema error', () => {
    const result = runBackendUntilExit([
      '../../app-config.yaml',
      writeConfig(malformedInternalApi),
    ]);

    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /\/internalApi\/workloadAccounts\/0\/accountId/,
    );
  }, 90_000);
});
