/**
 * What every benchmark shares: the shape the runner calls, p50 and ratio
 * arithmetic, the Markdown row format docs/benchmarks.md uses, and a logger
 * that keeps the core's log lines out of the tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';

export interface Benchmark {
  /** What `npm run bench -- <name>` selects. */
  name: string;
  /** The section heading in docs/benchmarks.md. */
  title: string;
  /** Runs the benchmark and returns its Markdown table rows. */
  run(): Promise<string[]>;
}

/** The middle value (the upper middle for an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function elapsedMs(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export const row = (what: string, value: string, note: string) =>
  `| ${what} | ${value} | ${note} |`;

export const tableHeader = ['| what | value | note |', '| --- | --- | --- |'];

/** Logs nothing: the benchmarks print only their tables. */
export const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/** Records nothing: the benchmarks run the check steps (planOnly), which write nothing to audit. */
export const silentAuditor: AuditorService = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
};

/** How many runs to time; BENCH_RUNS overrides every benchmark's default. */
export const runsOr = (defaultRuns: number) =>
  Number(process.env.BENCH_RUNS ?? defaultRuns);

/** Cores, memory, Node and OS: the line docs/benchmarks.md puts above the tables. */
export function describeMachine(): string {
  const osRelease = fs.existsSync('/etc/os-release')
    ? fs.readFileSync('/etc/os-release', 'utf8')
    : '';
  const osName =
    /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ??
    `${os.type()} ${os.release()}`;
  const memoryGiB = Math.round(os.totalmem() / 2 ** 30);
  // The load average says how busy the machine was, which moves every timing.
  const load = os
    .loadavg()
    .map(value => value.toFixed(2))
    .join(' ');
  return (
    `${os.cpus().length} cores, ${memoryGiB} GiB, Node ${process.version}, ` +
    `${osName}; load average ${load} at start`
  );
}
