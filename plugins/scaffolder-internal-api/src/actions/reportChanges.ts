import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  FAILURE_REPORT_ACTION_ID,
  failureReportLines,
} from '@internal/plugin-internal-api-common';
import { examples } from './reportChanges.examples';

// The task page finds the report's step by this id (common package).
export const REPORT_CHANGES_ACTION_ID = FAILURE_REPORT_ACTION_ID;

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
          z
            .string()
            .describe(
              'The whole report, as the log shows it (failureReportLines of the common package)',
            ),
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
              `route ${route.routeTableId} ${route.destinationCidrBlock} -> ${
                route.target
              }${route.accountId ? ` (account ${route.accountId})` : ''}`,
          ),
      ];
      const kept = dnsChanges.length + routes.length - made.length;
      const lines = failureReportLines({
        changes: made,
        notes: [
          ...(kept > 0
            ? [
                `${kept} more ${
                  kept === 1 ? 'was' : 'were'
                } in place before this run and left as ${
                  kept === 1 ? 'it was' : 'they were'
                }.`,
              ]
            : []),
          // This list holds completed steps only: a failed step has no output.
          "The failed step's own writes, if any, are named in its error above.",
        ],
        repository,
        nextSteps: nextSteps(made.length + kept > 0, repository),
      });
      for (const line of lines) {
        ctx.logger.info(line);
      }
      ctx.output('changes', made);
      ctx.output('summary', lines.join('\n'));
    },
  });
}

// A sentence a line: the log viewer cuts long lines, and the task page lists them.
const GIVE_UP_LATER =
  'Platform admins can remove them with Decommission an internal API (failed half-way).';

function nextSteps(awsChanges: boolean, repository: string | undefined) {
  if (repository) {
    return [
      'Fix the cause in the error above, then retry this task.',
      'A retry runs every step again; each finds what it did before and repeats no write.',
      'A new task with the same values is refused at the repository check until it is deleted.',
      // Publishing pushed to main, which runs the deploy workflow: there may be a stack to remove.
      'To give up instead, follow "Removing the stack" in the repository\'s README.',
      GIVE_UP_LATER,
    ];
  }
  if (awsChanges) {
    return [
      'Fix the cause in the error above, then retry this task or run the template again.',
      'The DNS and route steps find the changes above and adopt them: nothing is made twice.',
      'If publishing failed after creating the repository, retry this task instead.',
      'A new task is refused at the repository check until that repository is deleted.',
      'To give up instead, ask the platform team to remove the changes above.',
      GIVE_UP_LATER,
    ];
  }
  return ['Fix the cause in the error above and run the template again.'];
}
