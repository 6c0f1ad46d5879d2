/** One AWS API call, as the recording proxy or the counting client saw it. */
export interface RecordedCall {
  /** Signing name from the SigV4 credential scope: ec2, route53, sts… */
  service: string;
  /** The API operation, e.g. DescribeSubnets or ChangeResourceRecordSets. */
  operation: string;
  /** Whether the call can change state (not a Describe/Get/List/Search or AssumeRole). */
  write: boolean;
}

// AssumeRole only hands out credentials: counting it as a write would make every "no writes" check fail.
const READ_OPERATION = /^(Describe|Get|List|Search|AssumeRole)/;

/**
 * Whether an operation can change state. One rule for every way calls are
 * counted (the proxy in front of a backend process, the counting client in
 * a test), so "no writes" means the same in both.
 */
export function isWriteOperation(operation: string): boolean {
  return !READ_OPERATION.test(operation);
}

/**
 * The call as both counters record it. A dry run (EC2's `DryRun`) only asks
 * whether the call would be allowed, so it is named apart and never a write.
 */
export function recordedCall(
  service: string,
  operation: string,
  dryRun = false,
): RecordedCall {
  return dryRun
    ? { service, operation: `${operation} (dry run)`, write: false }
    : { service, operation, write: isWriteOperation(operation) };
}
