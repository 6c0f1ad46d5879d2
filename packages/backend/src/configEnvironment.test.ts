import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFiles, productionVariables } from './__testUtils__/configFiles';
import { runBackendUntilExit } from './__testUtils__/runBackend';
import {
  assertConfigEnvironment,
  configFilesFromArgs,
  findMissingVariables,
} from './configEnvironment';

describe('configFilesFromArgs', () => {
  it('takes both --config forms and leaves URLs to Backstage', () => {
    expect(
      configFilesFromArgs([
        'node',
        'index.ts',
        '--config',
        '/a.yaml',
        '--config=/b.yaml',
        '--config',
        'https://x/c.yaml',
      ]),
    ).toEqual(['/a.yaml', '/b.yaml']);
  });
});

describe('findMissingVariables', () => {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'config-env-')),
    'app-config.yaml',
  );
  fs.writeFileSync(
    file,
    [
      'backend:',
      '  # password: ${COMMENTED_OUT}',
      '  host: ${DB_HOST}',
      '  literal: $${NOT_A_VARIABLE}',
      '  secret:',
      '    $env: DB_SECRET',
      '  url: http://${DB_HOST}:${DB_PORT}/x',
    ].join('\n'),
  );

  it('names each unset variable with the line that uses it, skipping comments and escapes', () => {
    expect(findMissingVariables(file, { DB_PORT: '5432' })).toEqual([
      { name: 'DB_HOST', file, line: 3 },
      { name: 'DB_SECRET', file, line: 6 },
      { name: 'DB_HOST', file, line: 7 },
    ]);
  });

  it('finds nothing when every variable is set, even to an empty string', () => {
    expect(
      findMissingVariables(file, { DB_HOST: '', DB_SECRET: 's', DB_PORT: '1' }),
    ).toEqual([]);
  });
});

describe('assertConfigEnvironment with app-config.production.yaml', () => {
  const argv = ['node', 'index.ts', '--config', configFiles.production];

  it('passes when every variable is set', () => {
    expect(() =>
      assertConfigEnvironment(argv, productionVariables),
    ).not.toThrow();
  });

  it('names the one missing variable and where it is used', () => {
    const { POSTGRES_PASSWORD: _unset, ...rest } = productionVariables;
    expect(() => assertConfigEnvironment(argv, rest)).toThrow(
      /^Missing environment variables required by the loaded config:\n {2}POSTGRES_PASSWORD \(used in .*app-config\.production\.yaml:\d+\)\n/,
    );
  });
});

describe('the backend started with app-config.production.yaml', () => {
  it('exits at startup naming the missing variable', () => {
    const { POSTGRES_HOST: _unset, ...env } = {
      ...process.env,
      ...productionVariables,
    };
    const result = runBackendUntilExit(
      ['../../app-config.yaml', '../../app-config.production.yaml'],
      env,
    );

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /POSTGRES_HOST \(used in .*app-config\.production\.yaml:\d+\)/,
    );
    expect(result.stderr).not.toMatch(/POSTGRES_PORT/);
  }, 60_000);
});
