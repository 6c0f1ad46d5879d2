import { type Landscape, SANDBOX_REGION } from '@internal/aws-sandbox';
import { createResolvePlacementAction } from '../actions/resolvePlacement';
import { countedContext } from './countedContext';
import { runAction, RunOptions } from './runAction';

/**
 * Runs internal-api:placement:resolve on a sandbox landscape with its AWS
 * calls counted. `vpcOf` replaces the VPC the platform team configured for
 * an account (account id → VPC id).
 */
export function resolvePlacement(
  landscape: Landscape,
  input: Record<string, unknown>,
  options: RunOptions & { vpcOf?: Record<string, string> } = {},
) {
  const { internalApi, aws, counter } = countedContext(landscape);
  const action = createResolvePlacementAction({
    internalApi: {
      ...internalApi,
      workloadAccounts: internalApi.workloadAccounts.map(account => ({
        ...account,
        vpcId: options.vpcOf?.[account.accountId] ?? account.vpcId,
      })),
    },
    aws,
  });
  const result = runAction(
    action,
    { region: SANDBOX_REGION, subnetFilters: [], ...input },
    options,
  );
  return { result, calls: counter.calls };
}
