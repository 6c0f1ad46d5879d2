import type { TaskStream } from '@backstage/plugin-scaffolder-react';
import {
  FAILURE_REPORT_ACTION_ID,
  FailureReport,
  parseFailureReport,
} from '@internal/plugin-internal-api-common';

// A line of `TaskStream.stepLogs`: `<ISO time> <message>`; a message an action
// logged starts with its winston level, colored (`\x1b[32minfo\x1b[39m: …`).
const TIMESTAMP = /^\S+ /;
// eslint-disable-next-line no-control-regex
const LEVEL = /^(\x1B\[\d+m)?[a-z]+(\x1B\[\d+m)?: /;
const STEP_START = 'Beginning step ';

/**
 * The failure report of a failed task, read from the log of its report step
 * (the step running `internal-api:report:changes`, whatever its id); undefined
 * while the task runs, when it did not fail, or when the step logged no report.
 * After a retry the log holds every run's lines: only the last run counts.
 */
export function failureReportOf(
  stream: Pick<TaskStream, 'completed' | 'error' | 'task' | 'stepLogs'>,
): FailureReport | undefined {
  if (!stream.completed || !stream.error) {
    return undefined;
  }
  const step = stream.task?.spec.steps.find(
    s => s.action === FAILURE_REPORT_ACTION_ID,
  );
  const lines = (step && stream.stepLogs[step.id]) ?? [];
  const messages = lines.map(line => line.replace(TIMESTAMP, ''));
  const lastRun = messages.map(m => m.startsWith(STEP_START)).lastIndexOf(true);
  return parseFailureReport(
    messages
      .slice(lastRun + 1)
      // The action's own lines carry a level; the scaffolder's (Finished step …) do not.
      .filter(message => LEVEL.test(message))
      .map(message => message.replace(LEVEL, '')),
  );
}

/**
 * The command of a text output that is one command and nothing else, as
 * markdown code (`` `git clone …` ``); undefined for any other text.
 */
export function singleCommand(content: string | undefined) {
  return content?.trim().match(/^`([^`\n]+)`$/)?.[1];
}
