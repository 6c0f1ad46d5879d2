import {
  ChangeInfo,
  GetChangeCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { Route53Change } from '@internal/plugin-internal-api-common';

/** '/change/C123' and 'C123' alike become 'C123'. */
export const bareChangeId = (id: string) => id.replace(/^\/change\//, '');

/** A ChangeInfo as plain JSON, for a checkpoint, an output or the status. */
export function route53ChangeOf(info: ChangeInfo): Route53Change {
  return {
    id: bareChangeId(info.Id!),
    // Route 53 knows only these two; anything else is not in sync yet.
    status: info.Status === 'INSYNC' ? 'INSYNC' : 'PENDING',
    ...(info.SubmittedAt
      ? { submittedAt: new Date(info.SubmittedAt).toISOString() }
      : {}),
  };
}

/**
 * The change as Route 53 reports it now. Route 53 keeps a change for a while
 * and then answers NoSuchChange: a change that old has long been INSYNC.
 */
export async function readChange(
  route53: Route53Client,
  changeId: string,
): Promise<Route53Change> {
  try {
    const { ChangeInfo: info } = await route53.send(
      new GetChangeCommand({ Id: changeId }),
    );
    return route53ChangeOf(info!);
  } catch (error) {
    if ((error as Error).name === 'NoSuchChange') {
      return { id: bareChangeId(changeId), status: 'INSYNC' };
    }
    throw error;
  }
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
}

/** Polls GetChange until INSYNC; a clear error when the deadline passes first. */
export async function waitForChange(
  route53: Route53Client,
  changeId: string,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { ChangeInfo: info } = await route53.send(
      new GetChangeCommand({ Id: changeId }),
    );
    if (info?.Status === 'INSYNC') {
      return;
    }
    if (Date.now() + options.intervalMs > deadline) {
      throw new Error(
        `Route 53 change ${changeId} was still ${
          info?.Status ?? 'unknown'
        } after ${Math.round(
          options.timeoutMs / 1000,
        )} s. The record is written and will propagate; re-run the task to confirm, or check the change in Route 53.`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs));
  }
}
