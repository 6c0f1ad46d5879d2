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

/**
 * One AWS API request as the recording proxy saw it on the wire, with what
 * IAM would decide it on: who signed it, where, and its parameters. Kept for
 * the whole life of the proxy (`requests()`), unlike `calls()`.
 */
export interface AwsRequest extends RecordedCall {
  /** The account whose credentials signed it. */
  accountId: string;
  /**
   * Who signed it, as IAM names the caller: the assumed role's session
   * (`arn:aws:sts::<account>:assumed-role/<role>/<session>`), or the main
   * account's principal for the backend's own keys.
   */
  principalArn: string;
  /** The region from the SigV4 credential scope (us-east-1 for Route 53). */
  region: string;
  /** Query API parameters (EC2, STS), e.g. { Action: 'CreateRoute', RouteTableId: 'rtb-…', DryRun: 'true' }. */
  params: Record<string, string>;
  /** REST APIs (Route 53): the method, path and XML body. */
  method: string;
  path: string;
  body: string;
  /** The HTTP status the caller got. */
  status: number;
  /**
   * When the proxy had the request (ms since the epoch); the proxy always
   * sets it (optional for requests made up by hand, as aws-roles' tests do).
   */
  startedAt?: number;
  /**
   * When the proxy had sent the whole answer, the latency model's delay
   * included (awsLatency.ts); undefined while it has not, or never will (a
   * held call whose caller is gone).
   */
  endedAt?: number;
}
