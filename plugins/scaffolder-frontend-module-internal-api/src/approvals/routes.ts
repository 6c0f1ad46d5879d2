import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { useRouteRef } from '@backstage/core-plugin-api';

/** The list of approvals, `/internal-api/approvals` in the app. */
export const approvalsRouteRef = createRouteRef({
  id: 'internal-api/approvals',
});

/** One request; the same path as `approvalPagePath(id)`, which the task's message links to. */
export const approvalRouteRef = createSubRouteRef({
  id: 'internal-api/approval',
  parent: approvalsRouteRef,
  path: '/:id',
});

/**
 * The scaffolder's page of a task, undefined in an app without the
 * scaffolder. Backstage's hook throws for a route the app lacks; every hook
 * inside it runs before that throw, so catching it keeps the hook order.
 */
export function useTaskPath(): ((taskId: string) => string) | undefined {
  try {
    const path = useRouteRef(scaffolderPlugin.routes.ongoingTask);
    return taskId => path({ taskId });
  } catch {
    return undefined;
  }
}
