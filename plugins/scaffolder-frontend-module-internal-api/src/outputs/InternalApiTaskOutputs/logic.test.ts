import { failureReportLines } from '@internal/plugin-internal-api-common';
import { failureReportOf, singleCommand } from './logic';

const REPORT = {
  changes: ['zone orders.api.acme.com in account 444455556666 (Z0CHILD)'],
  notes: [],
  nextSteps: ['Fix the cause in the error above, then retry this task.'],
};

// As useTaskEventStream keeps them: `<createdAt> <message>`, the action's messages with winston's colored level.
const at = (message: string) => `2026-01-05T10:00:00.000Z ${message}`;
const info = (message: string) => at(`\x1B[32minfo\x1B[39m: ${message}`);
const reportRun = (report: typeof REPORT) => [
  at('Beginning step On failure: report the AWS changes made'),
  ...failureReportLines(report).map(info),
  at('Finished step On failure: report the AWS changes made'),
];

const failedTask = (stepLogs: Record<string, string[]>) => ({
  completed: true,
  error: new Error('Forced failure'),
  task: {
    spec: {
      steps: [
        { id: 'publish', name: 'Publish', action: 'publish:github' },
        { id: 'tell', name: 'Report', action: 'internal-api:report:changes' },
      ],
    },
  } as any,
  stepLogs,
});

describe('failureReportOf', () => {
  it("reads the report from the log of the step that runs the report action, whatever the step's id", () => {
    expect(failureReportOf(failedTask({ tell: reportRun(REPORT) }))).toEqual(
      REPORT,
    );
  });

  it('after a retry, reads only the last run', () => {
    const again = { ...REPORT, changes: [] };
    expect(
      failureReportOf(
        failedTask({ tell: [...reportRun(REPORT), ...reportRun(again)] }),
      ),
    ).toEqual(again);
  });

  it('has nothing while the task runs, after it completed, or when the step was skipped', () => {
    const logs = { tell: reportRun(REPORT) };
    expect(
      failureReportOf({ ...failedTask(logs), completed: false }),
    ).toBeUndefined();
    expect(
      failureReportOf({ ...failedTask(logs), error: undefined }),
    ).toBeUndefined();
    expect(
      failureReportOf(
        failedTask({
          tell: [at('Skipping step tell because its if condition was false')],
        }),
      ),
    ).toBeUndefined();
  });
});

describe('singleCommand', () => {
  it('is the command of a text that is one command in markdown code, and nothing for other texts', () => {
    expect(singleCommand('`git clone https://x/acme/orders.git`\n')).toBe(
      'git clone https://x/acme/orders.git',
    );
    expect(singleCommand('Run `npm ci`, then `npm test`.')).toBeUndefined();
    expect(singleCommand('- `a`\n- `b`')).toBeUndefined();
    expect(singleCommand(undefined)).toBeUndefined();
  });
});
