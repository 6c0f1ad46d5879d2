import fs from 'node:fs';
import path from 'node:path';
import {
  CATALOG_INFO,
  SERVICE_CONFIG,
  serviceRepositoryFiles,
} from '../__testUtils__/serviceRepositoryFiles';
import {
  readServiceRepository,
  SERVICE_CONFIG_FILE,
  writeConsumers,
} from './serviceRepository';

describe('the repository files day 2 reads and writes', () => {
  let files: ReturnType<typeof serviceRepositoryFiles>;
  let dir: string;
  const write = (file: string, text: string) => files.write(file, text);
  const read = (file: string) => files.read(file);

  beforeEach(() => {
    files = serviceRepositoryFiles();
    dir = files.dir;
  });
  afterEach(() => files.remove());

  it('reads where the API runs and who calls it', async () => {
    await expect(readServiceRepository(dir)).resolves.toEqual({
      name: 'orders-api',
      accountId: '111111111111',
      region: 'eu-west-1',
      vpcId: 'vpc-0123456789abcdef0',
      subnets: SERVICE_CONFIG.network.subnets,
      consumers: [{ name: 'customer-api', cidr: '10.20.0.0/16' }],
    });
  });

  it('writes the consumers: only the consumers lines of both files change', async () => {
    const configBefore = read(SERVICE_CONFIG_FILE);
    const changed = await writeConsumers(dir, [
      { name: 'partner-api', cidr: '10.30.0.0/16' },
      { name: 'customer-api', cidr: '10.20.0.0/16' },
    ]);

    expect(changed).toEqual([SERVICE_CONFIG_FILE, 'catalog-info.yaml']);
    expect(JSON.parse(read(SERVICE_CONFIG_FILE))).toEqual({
      ...SERVICE_CONFIG,
      consumers: [
        { name: 'partner-api', cidr: '10.30.0.0/16' },
        { name: 'customer-api', cidr: '10.20.0.0/16' },
      ],
    });
    const configAfter = read(SERVICE_CONFIG_FILE);
    expect(configAfter.endsWith('}\n')).toBe(true);
    expect(configAfter.split('\n').slice(0, 20)).toEqual(
      configBefore.split('\n').slice(0, 20),
    );
    // The annotation sorts names, as the skeleton does; comments, quotes and the second document stay.
    expect(read('catalog-info.yaml')).toBe(
      CATALOG_INFO.replace(
        'internal-api.platform/consumers: "customer-api"',
        'internal-api.platform/consumers: "customer-api,partner-api"',
      ),
    );
  });

  it('writes nothing when the files already list these consumers', async () => {
    await expect(
      writeConsumers(dir, [{ name: 'customer-api', cidr: '10.20.0.0/16' }]),
    ).resolves.toEqual([]);
    expect(read('catalog-info.yaml')).toBe(CATALOG_INFO);
  });

  it('adds the annotation to a Component that has none yet, keeping the rest', async () => {
    write(
      'catalog-info.yaml',
      CATALOG_INFO.replace(
        '    internal-api.platform/consumers: "customer-api"\n',
        '',
      ),
    );
    await writeConsumers(dir, [{ name: 'partner-api', cidr: '10.30.0.0/16' }]);
    expect(read('catalog-info.yaml')).toBe(
      CATALOG_INFO.replace(
        '    internal-api.platform/consumers: "customer-api"\n',
        '    internal-api.platform/consumers: partner-api\n',
      ),
    );
  });

  it('refuses a catalog-info.yaml without the API Component, writing neither file', async () => {
    const configBefore = read(SERVICE_CONFIG_FILE);
    write(
      'catalog-info.yaml',
      CATALOG_INFO.replace('kind: Component', 'kind: Resource'),
    );

    await expect(
      writeConsumers(dir, [{ name: 'partner-api', cidr: '10.30.0.0/16' }]),
    ).rejects.toThrow(
      /catalog-info\.yaml has no Component with the internal-api\.platform\/domain annotation/,
    );
    expect(read(SERVICE_CONFIG_FILE)).toBe(configBefore);
  });

  it('refuses a missing file, invalid JSON and a config without the fields day 2 needs, naming them', async () => {
    fs.rmSync(path.join(dir, SERVICE_CONFIG_FILE));
    await expect(readServiceRepository(dir)).rejects.toThrow(
      /config\/service\.json is missing from the repository/,
    );
    write(SERVICE_CONFIG_FILE, '{ "name": ');
    await expect(readServiceRepository(dir)).rejects.toThrow(
      /config\/service\.json is not valid JSON/,
    );
    write(
      SERVICE_CONFIG_FILE,
      JSON.stringify({
        ...SERVICE_CONFIG,
        network: { vpcId: 'vpc-1' },
        consumers: 'x',
      }),
    );
    await expect(readServiceRepository(dir)).rejects.toThrow(
      'config/service.json cannot be changed safely: network.subnets is not a list of subnets with routeTableId; consumers is not a list of { name, cidr }. Fix it on the default branch first.',
    );
  });
});
