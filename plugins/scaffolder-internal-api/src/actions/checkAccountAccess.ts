import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { inputProperties } from '@internal/plugin-internal-api-common';
import { mayCreateIn } from '@internal/plugin-internal-api-node';
import {
  type AccessOptions,
  initiatorOf,
  requireAllowed,
} from '../access/actionAccess';
import { examples } from './checkAccountAccess.examples';

export const CHECK_ACCOUNT_ACCESS_ACTION_ID =
  'internal-api:account:check-access';

/**
 * The create template's first step: whether the task's user may create
 * internal APIs in the account. The permission policy decides the same for
 * the account actions (placement, delegation, routes), but the scaffolder
 * refuses those with its own words ("Unauthorized action: … The action is not
 * allowed."), which name neither the account nor who may; this step refuses
 * first with the rule's sentence. It is not an account action itself, so the
 * policy lets it run. Reads no AWS, writes nothing.
 */
export function createCheckAccountAccessAction(options: AccessOptions) {
  return createTemplateAction({
    id: CHECK_ACCOUNT_ACCESS_ACTION_ID,
    description:
      "Checks that the task's user may create internal APIs in the workload account (a member of one of its owners, internalApi.workloadAccounts[].owners, or an admin), " +
      'and refuses with who may and how to get access otherwise. Run it first: the account actions are refused later anyway, by the permission policy, but without that sentence. Reads no AWS.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          inputProperties
            .accountId(z)
            .describe('The workload account, 12 digits, e.g. 444455556666'),
      },
    },
    async handler(ctx) {
      const { access } = await initiatorOf(
        options,
        ctx,
        'Creating in a workload account',
      );
      requireAllowed(mayCreateIn(access, ctx.input.accountId), ctx.logger);
      // Short: the task page's log viewer cuts long lines; why is the debug line above.
      ctx.logger.info(
        `${access.userEntityRef} may create in account ${ctx.input.accountId}.`,
      );
    },
  });
}
