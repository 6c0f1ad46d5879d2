/**
 * `npm run bench` runs every benchmark in order; `npm run bench -- routes
 * coldstart` runs the named ones. Prints Markdown (a machine line and one table
 * per benchmark) to paste into docs/benchmarks.md. Benchmarks run one after
 * another, never together, so they do not slow each other down.
 */
import { awsLatencyTask } from './awsLatencyTask';
import { backendColdStart } from './backendColdStart';
import { concurrentTasks } from './concurrentTasks';
import { decommissionPlan } from './decommissionPlan';
import { describeMachine, tableHeader } from './measure';
import { realTask } from './realTask';
import { routePlanning } from './routePlanning';
import { statusRead } from './statusRead';
import { synthRatio } from './synthRatio';
import { templateDryRun } from './templateDryRun';

const benchmarks = [
  synthRatio,
  routePlanning,
  decommissionPlan,
  statusRead,
  templateDryRun,
  realTask,
  awsLatencyTask,
  backendColdStart,
  concurrentTasks,
];

async function main(names: string[]) {
  const unknown = names.filter(
    name => !benchmarks.some(benchmark => benchmark.name === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${benchmarks
        .map(benchmark => benchmark.name)
        .join(', ')}`,
    );
  }
  const selected = benchmarks.filter(
    benchmark => names.length === 0 || names.includes(benchmark.name),
  );

  console.log(
    `Measured ${new Date().toISOString().slice(0, 10)}: ${describeMachine()}`,
  );
  for (const benchmark of selected) {
    const rows = await benchmark.run();
    console.log(
      ['', `## ${benchmark.title}`, '', ...tableHeader, ...rows].join('\n'),
    );
  }
}

main(process.argv.slice(2)).catch(error => {
  console.error(error);
  process.exitCode = 1;
});
