import type { EC2Client } from '@aws-sdk/client-ec2';

/**
 * Whether EC2 would allow a write, without making it: `send` sends the call
 * with `DryRun: true`. AWS answers `DryRunOperation` when the caller may make
 * it and `UnauthorizedOperation` when not, and writes nothing either way.
 * Any other answer (a throttle, a bad parameter) is thrown as it came.
 */
export async function dryRunAllows(
  ec2: EC2Client,
  send: (ec2: EC2Client) => Promise<unknown>,
): Promise<boolean> {
  try {
    await send(ec2);
  } catch (error) {
    switch ((error as Error).name) {
      case 'DryRunOperation':
        return true;
      case 'UnauthorizedOperation':
        return false;
      default:
        throw error;
    }
  }
  // Only an emulator executes a dry run; production code must not take it for a yes.
  throw new Error(
    'EC2 executed a call sent with DryRun: true instead of answering DryRunOperation; is AWS_ENDPOINT_URL an emulator without the sandbox proxy?',
  );
}

/**
 * Sends a create call; 'exists' when EC2 answers `RouteAlreadyExists` (the
 * destination is taken, by us or not: the caller reads it to decide).
 */
export async function createdOrExists(
  send: () => Promise<unknown>,
): Promise<'created' | 'exists'> {
  try {
    await send();
    return 'created';
  } catch (error) {
    // VPC: "The route identified by 10.1.0.0/16 already exists."; transit gateway:
    // "Route 10.1.0.0/16 already exists in Transit Gateway Route Table tgw-rtb-…".
    if ((error as Error).name === 'RouteAlreadyExists') {
      return 'exists';
    }
    throw error;
  }
}
