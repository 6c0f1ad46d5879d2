import type { AwsRequest, RecordedCall } from './recordedCall';

/**
 * Who the sandbox's backend is when it signs with its own keys
 * (SANDBOX_MAIN_ACCOUNT_KEYS): moto's default account and the user it names
 * for keys it did not issue (`GetCallerIdentity` answers this ARN). The roles
 * it assumes trust this principal in the sandbox.
 */
export const SANDBOX_MAIN_PRINCIPAL = 'arn:aws:iam::123456789012:user/moto';

/** What a request's SigV4 Authorization header says about who signed it and where. */
function signature(authorization: string | undefined) {
  const match = /Credential=([^/]+)\/[^/]+\/([^/]+)\//.exec(
    authorization ?? '',
  );
  return { accessKeyId: match?.[1] ?? '', region: match?.[2] ?? '' };
}

/**
 * Every request as IAM would see it (AwsRequest), for the whole life of a
 * proxy. Credentials the emulator issues through AssumeRole are learnt from
 * the AssumeRole answers that pass through, so each later request is
 * attributed to the role session that signed it.
 */
export function createRequestLog(mainPrincipal = SANDBOX_MAIN_PRINCIPAL) {
  const sessions = new Map<string, { accountId: string; arn: string }>();
  const requests: AwsRequest[] = [];
  const mainAccount = mainPrincipal.split(':')[4];
  return {
    requests: () => [...requests],
    /** Records a request; its `status` is filled in by `answered`. */
    add(
      call: RecordedCall,
      http: {
        authorization: string | undefined;
        method: string;
        url: string;
        body: string;
      },
    ): AwsRequest {
      const { accessKeyId, region } = signature(http.authorization);
      const session = sessions.get(accessKeyId);
      const url = new URL(http.url, 'http://proxy');
      const query = call.service !== 'route53';
      const entry: AwsRequest = {
        ...call,
        accountId: session?.accountId ?? mainAccount,
        principalArn: session?.arn ?? mainPrincipal,
        region,
        params: query
          ? Object.fromEntries(new URLSearchParams(http.body))
          : Object.fromEntries(url.searchParams),
        method: http.method,
        path: url.pathname,
        body: query ? '' : http.body,
        status: 0,
        startedAt: Date.now(),
      };
      requests.push(entry);
      return entry;
    },
    /** The answer has gone out: when, and its status unless `answered` gave it already. */
    finished(entry: AwsRequest, status: number) {
      entry.endedAt = Date.now();
      if (entry.status === 0) {
        entry.status = status;
      }
    },
    /** The answer's status; an AssumeRole answer also names the keys it issued. */
    answered(entry: AwsRequest, status: number, body?: string) {
      entry.status = status;
      const issued = body && /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(body);
      const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(
        entry.params.RoleArn ?? '',
      );
      if (entry.operation === 'AssumeRole' && issued && role) {
        sessions.set(issued[1], {
          accountId: role[1],
          arn: `arn:aws:sts::${role[1]}:assumed-role/${role[2]}/${entry.params.RoleSessionName}`,
        });
      }
    },
  };
}
