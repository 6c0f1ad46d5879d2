/**
 * Generated-repository `cdk synth` against the field report's hand-written
 * stack, alternating runs in one process tree so both see the same machine
 * state.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Benchmark, median, row, runsOr } from './measure';

const repoRoot = path.resolve(__dirname, '..');
const workDir = path.join(repoRoot, '.artifacts', 'bench');
const cdk = path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
const skeleton = path.join(
  repoRoot,
  'templates',
  'internal-fargate-api',
  'skeleton',
);
const fixture = path.join(__dirname, 'fixtures', 'service.json');
const { context } = JSON.parse(
  fs.readFileSync(path.join(skeleton, 'cdk.json'), 'utf8'),
);

function prepare() {
  fs.rmSync(workDir, { recursive: true, force: true });
  const generated = path.join(workDir, 'generated');
  fs.cpSync(skeleton, generated, { recursive: true });
  fs.copyFileSync(fixture, path.join(generated, 'config', 'service.json'));
  // The skeleton's package.json is a template; synth needs none of it.
  fs.rmSync(path.join(generated, 'package.json'));

  const seed = path.join(workDir, 'seed');
  fs.mkdirSync(seed, { recursive: true });
  fs.copyFileSync(
    path.join(__dirname, 'seedPatternApp.ts'),
    path.join(seed, 'app.ts'),
  );
  fs.copyFileSync(fixture, path.join(seed, 'service.json'));
  // Same feature flags as the generated repo, so only the stacks differ.
  fs.writeFileSync(
    path.join(seed, 'cdk.json'),
    JSON.stringify({ app: 'node --import tsx app.ts', context }),
  );
  return { generated, seed };
}

function synthSeconds(dir: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cdk, 'synth', '--quiet'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `cdk synth failed in ${dir}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function benchSynthRatio(runs = 5) {
  const { generated, seed } = prepare();
  const times = { generated: [] as number[], seed: [] as number[] };
  synthSeconds(generated); // warm the file cache once for both
  synthSeconds(seed);
  for (let i = 0; i < runs; i++) {
    times.generated.push(synthSeconds(generated));
    times.seed.push(synthSeconds(seed));
  }
  const p50 = { generated: median(times.generated), seed: median(times.seed) };
  return { runs, p50, ratio: p50.generated / p50.seed };
}

export const synthRatio: Benchmark = {
  name: 'synth',
  title: 'Generated repository: `cdk synth`',
  async run() {
    const { runs, p50, ratio } = benchSynthRatio(runsOr(5));
    return [
      row(
        'cdk synth, generated repo (cdk-nag on)',
        `${p50.generated.toFixed(2)} s`,
        `p50 of ${runs}`,
      ),
      row(
        "cdk synth, field report's stack",
        `${p50.seed.toFixed(2)} s`,
        `p50 of ${runs}`,
      ),
      row('ratio generated / field report', ratio.toFixed(2), 'same run'),
    ];
  },
};
