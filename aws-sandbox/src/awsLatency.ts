/**
 * What a call costs on AWS and moto does not charge: moto answers on loopback
 * in milliseconds and every Route 53 change is INSYNC at once, so a task that
 * takes a second on the sandbox can take a minute on AWS. With this model the
 * recording proxy waits before each answer and keeps Route 53 changes PENDING
 * (route53Propagation.ts), so a benchmark measures what a user on AWS would
 * wait for. Tests turn it on only to count the calls made one after another
 * (criticalPath.ts), with short delays, or to keep a Route 53 change PENDING
 * while a task completes; nothing may assert timings from it beyond lower
 * bounds.
 */
export interface AwsLatencyOptions {
  /**
   * Milliseconds the proxy adds before it answers a call, by the service's
   * signing name (`ec2`, `route53`, `sts`, …); merged over the defaults.
   * @default AWS_CALL_MS
   */
  callMs?: Record<string, number>;
  /**
   * For a service `callMs` does not name.
   * @default 150
   */
  otherCallMs?: number;
  /**
   * How long a Route 53 change stays PENDING (its ChangeInfo and GetChange)
   * before GetChange answers INSYNC.
   * @default 30_000
   */
  route53PendingMs?: number;
}

/**
 * Estimates, not measurements (AWS publishes no per-operation latency): from a
 * backend in the API's region with connections kept alive, the round trip is
 * 1–2 ms, so a call costs AWS's own work, roughly 50–300 ms for control-plane
 * APIs (issue 21). 150 ms for EC2 (filtered Describe* reads and route writes)
 * and STS (AssumeRole checks the trust policy and issues a session); 100 ms
 * for Route 53, whose reads and NS writes are small. Override them per run
 * (`callMs`) to see how a task's time moves with them.
 */
export const AWS_CALL_MS: Readonly<Record<string, number>> = {
  ec2: 150,
  sts: 150,
  route53: 100,
};

/**
 * AWS: "changes generally propagate to all Route 53 name servers within 60
 * seconds" (Route 53 Developer Guide, Editing records; the FAQ says the same
 * "under normal conditions"), and the SDKs' ResourceRecordSetsChanged waiter
 * polls every 30 s. Half the documented bound: a typical change, not the worst.
 */
export const ROUTE53_PENDING_MS = 30_000;

export interface AwsLatencyModel {
  /** The milliseconds added before the proxy answers a call to `service`. */
  callMs(service: string): number;
  /** Waits `callMs(service)`. */
  delay(service: string): Promise<void>;
  route53PendingMs: number;
}

export function awsLatencyModel(
  options: AwsLatencyOptions = {},
): AwsLatencyModel {
  const byService = { ...AWS_CALL_MS, ...options.callMs };
  const otherCallMs = options.otherCallMs ?? 150;
  const callMs = (service: string) => byService[service] ?? otherCallMs;
  return {
    callMs,
    delay: service =>
      new Promise(resolve => setTimeout(resolve, callMs(service))),
    route53PendingMs: options.route53PendingMs ?? ROUTE53_PENDING_MS,
  };
}
