import type { EC2Client } from '@aws-sdk/client-ec2';
import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import { allInOrder } from '../aws/allInOrder';

/** One planned EC2 write, as the permission check sends it: a dry run. */
export interface PlannedEc2Write {
  accountId: string;
  region: string;
  /** The IAM action, e.g. `CreateRoute`. */
  operation: string;
  /** The route, for the message. */
  text: string;
  /** Sends the write as an EC2 dry run: true when the role may make it. */
  allowed(ec2: EC2Client): Promise<boolean>;
}

/**
 * Read-only: sends every planned write as an EC2 dry run, so a role that may
 * not make one fails the check step, before anything changes, and not
 * halfway through the apply. One call per write, all at once; throws one InputError
 * naming every write that would be refused, with its account.
 */
export async function proveEc2WritesAllowed(
  writes: PlannedEc2Write[],
  clients: AwsClients,
  wording: { writes: string; nothingChanged: string },
): Promise<void> {
  // Independent of one another: all at once, the answers in the plan's order.
  const allowed = await allInOrder(
    writes.map(async write => write.allowed(await clients.ec2(write))),
  );
  const denied = writes
    .filter((_write, index) => !allowed[index])
    .map(
      // The route on a line of its own: the task page's log viewer cuts long lines.
      write =>
        `ec2:${write.operation} in account ${write.accountId} (${write.region}):\n  ${write.text}`,
    );
  if (denied.length > 0) {
    throw new InputError(
      `The role the platform uses in these accounts may not make these ${
        wording.writes
      }; ${wording.nothingChanged}:\n- ${denied.join(
        '\n- ',
      )}\nAsk the platform team to grant them:\nplugins/internal-api-node/README.md lists the IAM policy each account needs.`,
    );
  }
}
