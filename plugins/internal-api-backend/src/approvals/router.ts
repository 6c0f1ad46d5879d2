import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  APPROVAL_COMMENT_MAX_LENGTH,
  type ConsumerApprovalsResponse,
  inputProperties,
} from '@internal/plugin-internal-api-common';
import {
  mayAddConsumer,
  type UserAccessReader,
} from '@internal/plugin-internal-api-node';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z, type ZodIssue } from 'zod/v3';
import {
  APPROVAL_AUDIT_EVENTS,
  audited,
  bodyStrings,
  requestMeta,
} from './audit';
import {
  alreadyDecided,
  consumersDecidedBy,
  describeRequest,
  mayDecide,
  maySee,
} from './rules';
import type { ApprovalStore } from './store';

export type ApprovalsRouterOptions = {
  store: ApprovalStore;
  userAccess: UserAccessReader;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  config: RootConfigService;
  logger: LoggerService;
};

const askBody = z.object({
  taskId: z.string().min(1).max(255),
  consumer: z.string().min(1).max(255),
  accountId: inputProperties.accountId(z),
  api: inputProperties.domainName(z).max(255),
});
const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(APPROVAL_COMMENT_MAX_LENGTH).optional(),
});

/** `accountId: must be a 12-digit AWS account id`, `taskId is required` */
function describeIssue(issue: ZodIssue): string {
  const field = issue.path.join('.');
  return issue.code === 'invalid_type' && issue.received === 'undefined'
    ? `${field} is required`
    : `${field}: ${issue.message}`;
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InputError(
      `Cannot ${what}: ${parsed.error.issues.map(describeIssue).join('; ')}.`,
    );
  }
  return parsed.data;
}

/**
 * The consumer approvals (issue 17): a task asks (POST /approvals, on behalf
 * of its user), an owner of the consumer decides in the app, the task's retry
 * asks again and finds the decision. Everything is in the database, so a
 * restart loses nothing; every change and every refusal of one is audited.
 */
export async function createApprovalsRouter(
  options: ApprovalsRouterOptions,
): Promise<express.Router> {
  const { store, userAccess, httpAuth, auditor } = options;
  const router = Router();
  router.use(express.json());

  const signedIn = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user'] });

  const findRequest = async (id: string) => {
    const request = await store.byId(id);
    if (!request) {
      throw new NotFoundError(
        `There is no approval request ${id}; check the link (the task's log gives it).`,
      );
    }
    return request;
  };

  router.post('/approvals', async (req, res) => {
    const credentials = await signedIn(req);
    const initiator = credentials.principal.userEntityRef;
    const { request, created } = await audited(
      auditor,
      {
        eventId: APPROVAL_AUDIT_EVENTS.request,
        request: req,
        meta: {
          initiator,
          ...bodyStrings(req.body, ['taskId', 'consumer', 'accountId', 'api']),
        },
      },
      async found => {
        const ask = parseBody(askBody, req.body, 'ask for an approval');
        const access = await userAccess(credentials);
        const rule = mayAddConsumer(access, ask.consumer);
        if (!access.config.consumers.some(c => c.name === ask.consumer)) {
          throw new InputError(rule.reason);
        }
        if (rule.decision === 'allowed') {
          throw new InputError(
            `${rule.reason} No approval is needed: the task adds it without one.`,
          );
        }
        if (rule.decision === 'refused') {
          throw new NotAllowedError(rule.reason);
        }
        const result = await store.findOrCreate({
          ...ask,
          requestedBy: initiator,
          approvers: rule.approvers,
        });
        Object.assign(found, requestMeta(result.request));
        const stored = result.request;
        if (stored.requestedBy !== initiator) {
          throw new ConflictError(
            `Task ${ask.taskId} already asked to add consumer ${stored.consumer}, as ${stored.requestedBy}: ` +
              'a task id is not yours to reuse; start your own task.',
          );
        }
        if (stored.accountId !== ask.accountId || stored.api !== ask.api) {
          throw new ConflictError(
            `Task ${ask.taskId} already asked to add ${describeRequest(
              stored,
            )}; that approval does not cover ${ask.api} in account ${
              ask.accountId
            }. Start a new task for that API.`,
          );
        }
        return {
          result,
          outcome: { state: stored.state, created: result.created },
        };
      },
    );
    res.status(created ? 201 : 200).json(request);
  });

  router.get('/approvals', async (req, res) => {
    const credentials = await signedIn(req);
    const user = credentials.principal.userEntityRef;
    const access = await userAccess(credentials);
    const consumers = consumersDecidedBy(access);
    const pending =
      consumers === 'all' || consumers.length > 0
        ? await store.pending(consumers)
        : [];
    const response: ConsumerApprovalsResponse = {
      // Nobody decides their own request, admins included.
      toDecide: pending.filter(request => request.requestedBy !== user),
      requestedByMe: await store.requestedBy(user),
    };
    res.json(response);
  });

  router.get('/approvals/:id', async (req, res) => {
    const credentials = await signedIn(req);
    const request = await findRequest(req.params.id);
    const access = await userAccess(credentials);
    if (!maySee(access, request)) {
      throw new NotAllowedError(
        `${
          access.userEntityRef
        } may not see the request to add ${describeRequest(
          request,
        )}: only its requester, the owners of consumer ${
          request.consumer
        } and admins may.`,
      );
    }
    res.json(request);
  });

  router.post('/approvals/:id/decision', async (req, res) => {
    const credentials = await signedIn(req);
    const initiator = credentials.principal.userEntityRef;
    const decided = await audited(
      auditor,
      {
        eventId: APPROVAL_AUDIT_EVENTS.decision,
        request: req,
        meta: {
          initiator,
          requestId: req.params.id,
          ...bodyStrings(req.body, ['decision']),
        },
      },
      async found => {
        const body = parseBody(decisionBody, req.body, 'decide the request');
        const request = await findRequest(req.params.id);
        Object.assign(found, requestMeta(request));
        const rule = mayDecide(await userAccess(credentials), request);
        if (rule.decision !== 'allowed') {
          throw new NotAllowedError(rule.reason);
        }
        if (request.state !== 'pending') {
          throw new ConflictError(alreadyDecided(request));
        }
        const { won, request: after } = await store.decide(request.id, {
          state: body.decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: initiator,
          comment: body.comment,
        });
        if (!won) {
          // Another decider's update came first.
          throw new ConflictError(alreadyDecided(after));
        }
        return { result: after, outcome: { decision: after.state } };
      },
    );
    res.json(decided);
  });

  router.use(MiddlewareFactory.create(options).error());
  return router;
}
