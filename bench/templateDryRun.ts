/**
 * `POST /api/scaffolder/v2/dry-run` through the running backend: the full
 * template (placement, DNS and route plans against moto, then the render;
 * the sandbox's publish:github writes nothing, catalog:register skips itself) against a
 * bare template that only runs `fetch:template` on the same skeleton with the
 * same values. The ratio is what our steps cost on top of rendering.
 */
import { startSandboxBackend } from '@internal/e2e';
import {
  ORDERS_API,
  templateFiles,
} from '@internal/template-internal-fargate-api';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { Benchmark, elapsedMs, median, row, runsOr } from './measure';

type FileContent = ReturnType<typeof templateFiles>[number];

const templateDir = path.resolve(
  __dirname,
  '..',
  'templates',
  'internal-fargate-api',
);

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
  const sandbox = await startSandboxBackend('bench-dry-run');
  try {
    const files = templateFiles();
    const dryRun = async (template: unknown) => {
      const { status, body } = await sandbox.api.post(
        '/api/scaffolder/v2/dry-run',
        { template, values: ORDERS_API, secrets: {}, directoryContents: files },
      );
      if (status !== 200 || body.error || body.errors) {
        throw new Error(
          `Dry-run failed with HTTP ${status}: ${JSON.stringify(
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
    await sandbox.stop();
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
        `p50 of ${runs}; 5 AWS steps against moto, render; publish writes nothing, register skips`,
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
