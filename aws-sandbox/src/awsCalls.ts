import { RecordedCall, recordedCall } from './recordedCall';

/**
 * Decides, before a call is sent, whether it fails as AWS would: return the
 * error to throw, or undefined to send the call. `index` is the call's place
 * in `calls`, counting from 0.
 */
export type FailAwsCall = (
  call: RecordedCall,
  index: number,
) => Error | undefined;

// `any`: each client's stack is typed by its own input and output unions.
type Handler = (args: any) => Promise<any>;

/**
 * The part of an AWS SDK v3 client the counter needs. Every client has it
 * (EC2Client, Route53Client, STSClient…); typed by shape so the sandbox needs
 * no client package a test does not already load.
 */
export interface AwsSdkClient {
  middlewareStack: {
    add(
      middleware: (
        next: Handler,
        context: { clientName?: string; commandName?: string },
      ) => Handler,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

let counters = 0;

/**
 * Counts the AWS calls of the clients handed to `onClient`, in the shape and
 * with the read/write rule of the recording proxy, for code that runs in the
 * test's own process (the proxy counts another process's calls). Calls are
 * recorded when they are made, so a call that fails still counts.
 */
export function countAwsCalls(options: { failCall?: FailAwsCall } = {}) {
  const calls: RecordedCall[] = [];
  // Each counter its own middleware name: a stack refuses a name twice.
  const name = `countAwsCalls-${++counters}`;
  const counted = new WeakSet<object>();

  const onClient = <C extends AwsSdkClient>(client: C): C => {
    if (counted.has(client)) {
      return client;
    }
    counted.add(client);
    const service = serviceOf(client);
    client.middlewareStack.add(
      (next, context) => async args => {
        const call = recordedCall(
          service ?? serviceOfClientName(context.clientName),
          (context.commandName ?? '?').replace(/Command$/, ''),
          args.input?.DryRun === true,
        );
        const failure = options.failCall?.(call, calls.length);
        calls.push(call);
        if (failure) {
          throw failure;
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    return client;
  };

  return {
    /** Every call so far, in order; a live list. */
    calls,
    writes: () => calls.filter(call => call.write),
    /** Forgets the calls recorded so far (the clients stay counted). */
    clear: () => {
      calls.length = 0;
    },
    onClient,
  };
}

export type AwsCallCounter = ReturnType<typeof countAwsCalls>;

// The SigV4 signing name, as the proxy reads it from the credential scope.
function serviceOf(client: AwsSdkClient): string | undefined {
  const { config } = client as { config?: { defaultSigningName?: unknown } };
  const signingName = config?.defaultSigningName;
  return typeof signingName === 'string' ? signingName : undefined;
}

function serviceOfClientName(clientName = '?') {
  return clientName.replace(/Client$/, '').toLowerCase();
}
