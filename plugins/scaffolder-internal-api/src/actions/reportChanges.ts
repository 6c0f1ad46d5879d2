import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './reportChanges.examples';

export const REPORT_CHANGES_ACTION_ID = 'internal-api:report:changes';

type Change = { target: string; status: string; change?: string };
type Route = {
  routeTableId: string;
  destinationCidrBlock: string;
  target: string;
  status: string;
  accountId?: string;
};

/**
 * The last step of a template, run only when an earlier step failed
 * (`if: ${{ failure() }}`): lists the AWS changes the completed steps made, so
 * nothing is left behind unnoticed, and says how to finish. Every input is
 * optional: a step that did not complete has no output to pass.
 */
export function createReportChangesAction() {
  return createTemplateAction({
    id: REPORT_CHANGES_ACTION_ID,
    description:
      'Lists the AWS changes made before a failure (from the DNS and route steps that completed) and what to do next. ' +
      'Writes nothing; meant for a last step with if: ${{ failure() }}.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        dnsChanges: z =>
          z
            .array(
              z
                .object({
                  change: z.string().optional(),
                  target: z.string(),
                  status: z.string(),
                })
                .passthrough(),
            )
            .optional()
            .describe(
              'steps.<dns>.output.changes of internal-api:dns:delegate; absent when that step did not complete',
            ),
        hostedZoneId: z =>
          z
            .string()
            .optional()
            .describe('steps.<dns>.output.hostedZoneId, named with the zone'),
        routes: z =>
          z
            .array(
              z
                .object({
                  routeTableId: z.string(),
                  destinationCidrBlock: z.string(),
                  target: z.string(),
                  status: z.string(),
                  accountId: z.string().optional(),
                })
                .passthrough(),
            )
            .optional()
            .describe(
              'steps.<routes>.output.routes of internal-api:tgw:register-routes; absent when that step did not complete',
            ),
        repository: z =>
          z
            .string()
            .optional()
            .describe(
              'steps.<publish>.output.remoteUrl; absent when the repository was not published',
            ),
      },
      output: {
        changes: z =>
          z
            .array(z.string())
            .describe('Each AWS change made before the failure, as a line'),
        summary: z =>
          z.string().describe('The whole report, as the log shows it'),
      },
    },
    async handler(ctx) {
      const { hostedZoneId, repository } = ctx.input;
      const dnsChanges: Change[] = ctx.input.dnsChanges ?? [];
      const routes: Route[] = ctx.input.routes ?? [];
      const made = [
        ...dnsChanges
          .filter(change => change.status === 'created')
          .map(change =>
            change.change === 'create-zone' && hostedZoneId
              ? `${change.target} (${hostedZoneId})`
              : change.target,
          ),
        ...routes
          .filter(route => route.status === 'created')
          .map(
            route =>
              `route ${route.destinationCidrBlock} -> ${route.target} in ${
                route.routeTableId
              }${route.accountId ? ` (account ${route.accountId})` : ''}`,
          ),
      ];
      const kept = dnsChanges.length + routes.length - made.length;
      const lines = [
        made.length === 0
          ? 'AWS changes made before the failure: none.'
          : `AWS changes made before the failure (${made.length}):`,
        ...made.map(line => `- ${line}`),
        ...(kept > 0
          ? [
              `${kept} more were in place before this run and were left as they were.`,
            ]
          : []),
        nextStep(made.length + kept > 0, repository),
      ];
      for (const line of lines) {
        ctx.logger.info(line);
      }
      ctx.output('changes', made);
      ctx.output('summary', lines.join('\n'));
    },
  });
}

function nextStep(awsChanges: boolean, repository: string | undefined) {
  // This list holds completed steps only; the failed step's own log says what it wrote, if anything.
  const partway =
    'The step that failed is not in this list: its log above says whether it wrote anything before failing.';
  if (repository) {
    return (
      `The repository ${repository} was published. Fix the cause above, then retry this task: its steps find what ` +
      'they already did and do not repeat it. A new task with the same values is refused at the repository check ' +
      `until that repository is deleted; after that it adopts the AWS changes. ${partway}`
    );
  }
  if (awsChanges) {
    return (
      'Fix the cause above, then retry this task or run the template again with the same values: the DNS and ' +
      'route steps find these changes and adopt them, so nothing is created twice. If the publish step failed ' +
      'after creating the repository, retry this task instead: a new task is refused at the repository check ' +
      `until that repository is deleted. ${partway}`
    );
  }
  return `Fix the cause above and run the template again. ${partway}`;
}
