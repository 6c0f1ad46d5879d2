import {
  FailureReport,
  failureReportLines,
  parseFailureReport,
} from './failureReport';

const AFTER_PUBLISH: FailureReport = {
  changes: [
    'zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
    'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
  ],
  notes: ['1 more was in place before this run and left as it was.'],
  repository: 'https://github.com/acme/orders-api.git',
  nextSteps: ['Fix the cause in the error above, then retry this task.'],
};

describe('the failure report', () => {
  it('is written as a heading, one line per change, the notes, the repository and the next steps', () => {
    expect(failureReportLines(AFTER_PUBLISH)).toEqual([
      'AWS changes made before the failure (2):',
      '- zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
      '- NS orders.api.acme.com in acme.com (zone Z0PARENT)',
      '1 more was in place before this run and left as it was.',
      'Repository published before the failure:',
      '  https://github.com/acme/orders-api.git',
      'Next:',
      '- Fix the cause in the error above, then retry this task.',
    ]);
  });

  it('says none when nothing was changed', () => {
    expect(
      failureReportLines({
        changes: [],
        notes: [],
        nextSteps: ['Run the template again.'],
      }),
    ).toEqual([
      'AWS changes made before the failure: none.',
      'Next:',
      '- Run the template again.',
    ]);
  });

  it.each([
    ['after publishing', AFTER_PUBLISH],
    [
      'with nothing changed',
      { changes: [], notes: ['A note.'], nextSteps: ['Run it again.'] },
    ],
  ])('reads back what it wrote, %s', (_, report) => {
    expect(parseFailureReport(failureReportLines(report))).toEqual(report);
  });

  it('reads the report among other lines of the step, and nothing from a step that logged none', () => {
    expect(
      parseFailureReport([
        'Beginning step On failure: report the AWS changes made',
        ...failureReportLines(AFTER_PUBLISH),
      ]),
    ).toEqual(AFTER_PUBLISH);
    expect(
      parseFailureReport([
        'Skipping step report because its if condition was false',
      ]),
    ).toBeUndefined();
  });
});
