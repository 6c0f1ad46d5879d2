import type { SkippedRouteTable } from '@internal/plugin-internal-api-node';

// What the route actions log for the task page. One route or table a line, its detail indented
// below: the task page's log viewer cuts long lines.

export function logLines(
  logger: { info(message: string): void },
  lines: string[],
) {
  lines.forEach(line => logger.info(line));
}

/** The log lines of route tables left alone: which, in which VPC, and why. */
export function skippedTableLines(skipped: SkippedRouteTable[]): string[] {
  if (skipped.length === 0) {
    return [];
  }
  return [
    `Leaves ${skipped.length} route table${
      skipped.length === 1 ? '' : 's'
    } alone:`,
    ...skipped.flatMap(table => [
      `- ${table.routeTableId} in ${table.vpc}:`,
      `  ${table.reason}.`,
    ]),
  ];
}
