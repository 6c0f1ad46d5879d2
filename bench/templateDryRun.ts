/**
 * `POST /api/scaffolder/v2/dry-run` through the running backend: the full
 * template (placement, DNS and route plans against moto, then the render;
 * publish:github and catalog:register skip themselves in dry-run) against a
 * bare template that only runs `fetch:template` on the same skeleton with the
 * same values. The ratio is what our steps cost on top of rendering.
 */
import {
  findFreeLoopbackPort,
  seedLandscape,
  startMotoServer,
} from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { startBackend } from '../e2e/src/backstageProcess';
import { Benchmark, elapsedMs, median, row, runsOr } from './measure';
import { guestToken } from './guestToken';

const templateDir = path.resolve(
  __dirname,
  '..',
  'templates',
  'internal-fargate-api',
);

/** The form values of the render test's first case: three zones, one consumer. */
const VALUES = {
  name: 'orders-api',
  description: 'Orders for the customer API',
  owner: 'group:default/platform-engineering',
  accountId: '444455556666',
  region: 'eu-west-1',
  subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
  domainName: 'orders.api.acme.com',
  consumers: ['customer-api'],
  createVpcEndpoints: true,
  image: '444455556666.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
  containerPort: 8080,
  cpu: 512,
  memoryMiB: 1024,
  desiredCount: 2,
  healthCheckPath: '/health',
  repoUrl: 'github.com?owner=acme&repo=orders-api',
};

interface FileContent {
  path: string;
  base64Content: string;
}

/** template.yaml and the skeleton, as the dry-run API takes them. */
function templateFiles(dir = templateDir, prefix = ''): FileContent[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    if (prefix === '' && !['template.yaml', 'skeleton'].includes(entry.name)) {
      return [];
    }
    const relative = path.posix.join(prefix, entry.name);
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

/**
 * The full template with only its render step left, the step outputs it reads
 * replaced by what the full run rendered, so both render the same files.
 */
function bareTemplate(full: any, serviceConfig: unknown) {
  const render = full.spec.steps.find(
    (step: { action: string }) => step.action === 'fetch:template',
  );
  return {
    ...full,
    metadata: { ...full.metadata, name: 'bare-render' },
    spec: {
      ...full.spec,
      steps: [
        {
          ...render,
          input: {
            ...render.input,
            values: { ...render.input.values, serviceConfig },
          },
        },
      ],
      output: {},
    },
  };
}

const byPath = (files: FileContent[]) =>
  JSON.stringify([...files].sort((a, b) => a.path.localeCompare(b.path)));

async function measureDryRuns(runs: number) {
  const moto = await startMotoServer();
  try {
    const landscape = await seedLandscape(moto);
    const backend = await startBackend(
      await findFreeLoopbackPort(),
      landscape.config,
      { AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'eu-west-1' },
    );
    try {
      const token = await guestToken(backend.baseUrl);
      const files = templateFiles();
      const dryRun = async (template: unknown) => {
        const response = await fetch(
          `${backend.baseUrl}/api/scaffolder/v2/dry-run`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              template,
              values: VALUES,
              secrets: {},
              directoryContents: files,
            }),
          },
        );
        const body = await response.json();
        if (response.status !== 200 || body.error || body.errors) {
          throw new Error(
            `Dry-run failed with HTTP ${response.status}: ${JSON.stringify(
              body.error ?? body.errors ?? body,
            ).slice(0, 2000)}`,
          );
        }
        return body.directoryContents as FileContent[];
      };

      const full = yaml.parse(
        fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
      );
      // The first full run is the warm-up and gives the values the bare template renders with.
      const fullFiles = await dryRun(full);
      const serviceJson = fullFiles.find(f => f.path === 'config/service.json');
      if (!serviceJson) {
        throw new Error('The full dry-run rendered no config/service.json');
      }
      const bare = bareTemplate(
        full,
        JSON.parse(Buffer.from(serviceJson.base64Content, 'base64').toString()),
      );
      if (byPath(await dryRun(bare)) !== byPath(fullFiles)) {
        throw new Error(
          'The bare template rendered other files than the full one',
        );
      }

      const times = { full: [] as number[], bare: [] as number[] };
      for (let i = 0; i < runs; i++) {
        times.full.push(await elapsedMs(() => dryRun(full)));
        times.bare.push(await elapsedMs(() => dryRun(bare)));
      }
      const p50 = { full: median(times.full), bare: median(times.bare) };
      return { p50, ratio: p50.full / p50.bare, files: fullFiles.length };
    } finally {
      await backend.stop();
    }
  } finally {
    await moto.stop();
  }
}

export const templateDryRun: Benchmark = {
  name: 'dryrun',
  title: 'Template dry-run through the running backend',
  async run() {
    const runs = runsOr(7);
    const { p50, ratio, files } = await measureDryRuns(runs);
    return [
      row(
        'dry-run, full template',
        `${p50.full.toFixed(0)} ms`,
        `p50 of ${runs}; 5 AWS steps against moto, render; publish and register skip in dry-run`,
      ),
      row(
        'dry-run, fetch:template only',
        `${p50.bare.toFixed(0)} ms`,
        `p50 of ${runs}, same skeleton and values, ${files} files`,
      ),
      row(
        'ratio full / fetch:template only',
        ratio.toFixed(2),
        'same run, alternating',
      ),
    ];
  },
};
