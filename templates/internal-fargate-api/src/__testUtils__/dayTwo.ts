import { landscapeState, Sandbox, TaskResult } from '@internal/aws-sandbox';
import { ORDERS_API } from '../ordersApi';

/** A second API in the Orders VPC for the same consumer: it shares orders-api's routes. */
export const INVOICES_API = {
  ...ORDERS_API,
  name: 'invoices-api',
  description: 'Invoices for the customer API',
  domainName: 'invoices.api.acme.com',
  repoUrl: 'github.com?owner=acme&repo=invoices-api',
};

/** The task, or an error with the failed step and its log, so a failed setup says why. */
export function completed(task: TaskResult, what: string) {
  if (task.status !== 'completed') {
    throw new Error(
      `${what} ended ${task.status} at ${
        task.failure?.stepId
      }: ${task.failure?.messages.join('\n')}`,
    );
  }
  return task;
}

/** An output text's lines, trimmed, blank lines left out. */
export const outputLines = (content: unknown): string[] =>
  String(content ?? '')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');

/** The route lines of a day-2 output (`- \`rtb-…\` …: **status**`). */
export const routeLinesOf = (lines: string[]) =>
  lines.filter(line => line.startsWith('- `'));

/** The sandbox's AWS state, and the writes the recording proxy saw since the last call. */
export function awsObserver(sandbox: () => Sandbox) {
  return {
    state: () => landscapeState(sandbox().moto, sandbox().landscape),
    /** The AWS writes since the last call, by operation. */
    takeWrites: () => {
      const writes = sandbox()
        .proxy.calls()
        .filter(call => call.write);
      sandbox().proxy.clear();
      return writes.map(call => call.operation);
    },
  };
}
