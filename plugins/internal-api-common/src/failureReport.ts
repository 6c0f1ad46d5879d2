/**
 * The report a failed internal-API task ends with: its last step
 * (`internal-api:report:changes`, run with `if: ${{ failure() }}`) logs these
 * lines, and the task page reads them back from the task's log. A failed task
 * has no output, so the log is the one place both the API caller and the page
 * can read it from; the format lives here so writer and reader cannot drift.
 */
export type FailureReport = {
  /** Each AWS change the completed steps made, a line each. */
  changes: string[];
  /** What else was found or left: changes already in place, the failed step's own writes. */
  notes: string[];
  /** The repository the task published before it failed. */
  repository?: string;
  /** What to do next, a sentence a line. */
  nextSteps: string[];
};

/** The action that logs the report: the page finds the report's step by it. */
export const FAILURE_REPORT_ACTION_ID = 'internal-api:report:changes';

const HEADING = 'AWS changes made before the failure';
const REPOSITORY = 'Repository published before the failure:';
// The URL on a line of its own, indented: it is as long as it is.
const URL_INDENT = '  ';
const NEXT = 'Next:';
const ITEM = '- ';

/**
 * The report as log lines, each short enough for the task page's log viewer
 * (it cuts long lines instead of wrapping them):
 *
 * ```
 * AWS changes made before the failure (2):
 * - zone orders.api.acme.com in account 444455556666 (Z0CHILD)
 * - NS orders.api.acme.com in acme.com (zone Z0PARENT)
 * <notes>
 * Repository published before the failure:
 *   <url>
 * Next:
 * - <next step>
 * ```
 */
export function failureReportLines(report: FailureReport): string[] {
  return [
    report.changes.length === 0
      ? `${HEADING}: none.`
      : `${HEADING} (${report.changes.length}):`,
    ...report.changes.map(change => `${ITEM}${change}`),
    ...report.notes,
    ...(report.repository
      ? [REPOSITORY, `${URL_INDENT}${report.repository}`]
      : []),
    NEXT,
    ...report.nextSteps.map(step => `${ITEM}${step}`),
  ];
}

/**
 * The report from the messages of the report step's log (level prefixes and
 * timestamps already removed); undefined when they hold no report, e.g. the
 * step was skipped.
 */
export function parseFailureReport(
  messages: string[],
): FailureReport | undefined {
  const start = messages.findIndex(line => line.startsWith(HEADING));
  if (start < 0) {
    return undefined;
  }
  const report: FailureReport = { changes: [], notes: [], nextSteps: [] };
  let section: 'changes' | 'repository' | 'next' = 'changes';
  for (const line of messages.slice(start + 1)) {
    if (line === NEXT) {
      section = 'next';
    } else if (line === REPOSITORY) {
      section = 'repository';
    } else if (section === 'next') {
      if (line.startsWith(ITEM)) {
        report.nextSteps.push(line.slice(ITEM.length));
      }
    } else if (section === 'repository' && line.startsWith(URL_INDENT)) {
      report.repository = line.trim();
    } else if (line.startsWith(ITEM)) {
      report.changes.push(line.slice(ITEM.length));
    } else {
      report.notes.push(line);
    }
  }
  return report;
}
