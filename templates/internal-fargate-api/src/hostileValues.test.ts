import { Sandbox, startSandbox } from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { expectSucceeded, generatedRepo, writeRender } from './generatedRepo';
import { startScaffolder } from './__testUtils__/scaffolder';
import { ORDERS_API } from './ordersApi';

const valid = {
  ...ORDERS_API,
  name: 'hostile-api',
  description: 'Plain',
  domainName: 'hostile.acme.com',
  consumers: ['customer-api'],
  // Same-region ECR: the sandbox's Orders subnets have no NAT route.
  image: '444455556666.dkr.ecr.eu-west-1.amazonaws.com/hostile:1.0.0',
  repoUrl: 'github.com?owner=acme&repo=hostile-api',
};

/** Everything a template or a YAML, JSON or TypeScript file could mistake for syntax, on one line. */
const HOSTILE_TEXT = `He said "hi" & 'bye' \`whoami\` $(id) \${{ parameters.name }} {% raw %}{{ x }} {# c #} *alias &anchor: [x] # no comment \\ </script> \u2028 end`;

describe('hostile form values', () => {
  let sandbox: Sandbox;
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    // Seeded, behind the proxy that answers as AWS where moto does not (dry runs).
    sandbox = await startSandbox();
    scaffolder = await startScaffolder(sandbox.landscape.config);
  }, 120_000);
  afterAll(async () => {
    await scaffolder?.stop();
    await sandbox?.stop();
  });

  it.each([
    ['name', { name: 'orders"; rm -rf /' }],
    ['name', { name: '${{ parameters.x }}' }],
    ['description', { description: 'two\nlines' }],
    ['owner', { owner: 'group:default/x"\n  evil: true' }],
    ['domainName', { domainName: '${{ parameters.name }}.acme.com' }],
    ['image', { image: 'nginx:latest$(touch /tmp/x)' }],
    ['image', { image: 'nginx' }],
    ['healthCheckPath', { healthCheckPath: '/health`id`' }],
    ['memoryMiB', { cpu: 256, memoryMiB: 4096 }],
    [
      'subnetFilters',
      { subnetFilters: [{ name: 'tag:Tier', values: ['a\nb'] }] },
    ],
  ])(
    'refuses a hostile %s before any step runs, naming the field',
    async (field, override) => {
      const { status, body } = await scaffolder.dryRun({
        ...valid,
        ...override,
      });
      expect(status).toBe(400);
      expect(JSON.stringify(body.errors)).toContain(field);
    },
  );

  it('refuses an API without consumers before any step runs, as the form does', async () => {
    const { status, body } = await scaffolder.dryRun({
      ...valid,
      consumers: [],
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        property: 'instance.consumers',
        message: 'does not meet minimum length of 1',
      }),
    ]);
  });

  it('renders free text as inert data into a repository that still compiles and synthesizes', async () => {
    const { status, body } = await scaffolder.dryRun({
      ...valid,
      description: HOSTILE_TEXT,
    });
    expect({ status, error: body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    const dir = writeRender('hostile-api', body.directoryContents!);
    const read = (file: string) =>
      fs.readFileSync(path.join(dir, file), 'utf8');

    expect(JSON.parse(read('config/service.json')).description).toBe(
      HOSTILE_TEXT,
    );
    expect(JSON.parse(read('package.json')).description).toBe(HOSTILE_TEXT);
    const entities = yaml
      .parseAllDocuments(read('catalog-info.yaml'))
      .map(d => d.toJS());
    expect(entities.map(e => e.metadata.description)).toEqual([
      HOSTILE_TEXT,
      HOSTILE_TEXT,
    ]);
    expect(yaml.parse(read('api/openapi.yaml')).info.description).toBe(
      HOSTILE_TEXT,
    );
    expect(read('README.md')).toContain(HOSTILE_TEXT);

    for (const check of [
      generatedRepo.typecheck(dir),
      generatedRepo.synth(dir),
    ]) {
      expectSucceeded(check);
    }
  }, 180_000);
});
