import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  approvalPagePath,
  type ConsumerApprovalRequest,
} from '@internal/plugin-internal-api-common';
import { mayAddConsumer } from '@internal/plugin-internal-api-node';
import {
  type AccessOptions,
  type Initiator,
  NOTHING_CHANGED,
} from './actionAccess';

/** The consumers a task would newly give an API, and where. */
export type ConsumerAddition = {
  taskId: string;
  /** Only consumers the API's entity does not list yet: those it has were decided when they were added. */
  consumers: string[];
  accountId: string;
  /** The API's domain, what an approver sees; needed only when a consumer needs approval. */
  api?: string;
  /** A dry run asks nobody: it logs who would have to approve. */
  isDryRun?: boolean;
};

/**
 * Goes on when the user may add every consumer: as an owner or admin, or
 * with an owner's approval of this task. Refuses every consumer they may
 * not add before asking anyone; then asks for the approvals still needed
 * (once per task and consumer: a retry finds the same request) and refuses,
 * naming each one's state and what to do, unless all are approved.
 */
export async function requireMayAddConsumers(
  options: AccessOptions,
  initiator: Initiator,
  addition: ConsumerAddition,
  logger: LoggerService,
) {
  const decisions = addition.consumers.map(consumer => ({
    consumer,
    ...mayAddConsumer(initiator.access, consumer),
  }));
  const refused = decisions.filter(d => d.decision === 'refused');
  if (refused.length > 0) {
    throw new NotAllowedError(
      [...refused.map(d => d.reason), NOTHING_CHANGED].join('\n'),
    );
  }
  const problems: string[] = [];
  for (const decided of decisions) {
    if (decided.decision !== 'needs-approval') {
      // Allowed: the refused ones were refused above.
      logger.debug(decided.reason);
      continue;
    }
    const who = decided.approvers.join(' or ');
    const what = `Adding consumer ${decided.consumer}`;
    if (addition.isDryRun) {
      logger.info(
        `${what} needs the approval of a member of ${who}: a real run stops here and asks them.`,
      );
      continue;
    }
    if (!addition.api) {
      throw new InputError(
        `${what} needs an approval, which names the API: pass the API's domain as domainName (or its entityRef). ${NOTHING_CHANGED}`,
      );
    }
    const request = await options.access.approvals.request(
      {
        taskId: addition.taskId,
        consumer: decided.consumer,
        accountId: addition.accountId,
        api: addition.api,
      },
      { credentials: initiator.credentials },
    );
    const problem = approvalProblem(
      request,
      { ...addition, api: addition.api, who, what },
      initiator,
      options.access.appBaseUrl,
    );
    if (problem) {
      problems.push(problem);
    } else {
      logger.info(
        `${what} was approved by ${request.decidedBy} at ${
          request.decidedAt
        }: ${pageUrl(options.access.appBaseUrl, request)}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new NotAllowedError([...problems, NOTHING_CHANGED].join('\n'));
  }
}

/** Why an approval does not let this task go on, or undefined when it does. */
function approvalProblem(
  request: ConsumerApprovalRequest,
  asked: { accountId: string; api: string; who: string; what: string },
  initiator: Initiator,
  appBaseUrl: string,
): string | undefined {
  const { what, who } = asked;
  const link = pageUrl(appBaseUrl, request);
  const user = initiator.access.userEntityRef;
  if (request.requestedBy.toLocaleLowerCase('en-US') !== user) {
    // Only the person who asked may use an approval, whatever task id another request carries.
    return `${what}: the approval at ${link} was asked for by ${request.requestedBy}, not by ${user} who started this task, so it does not count; start a new task to ask for your own.`;
  }
  if (request.accountId !== asked.accountId || request.api !== asked.api) {
    return `${what}: the approval at ${link} is for ${request.api} in account ${request.accountId}, not ${asked.api} in account ${asked.accountId}; start a new task to ask for this one.`;
  }
  if (request.state === 'pending') {
    return `${what} needs the approval of a member of ${who}. Ask one of them to approve it at ${link}; once approved, press Retry on this task's page and it goes on from here.`;
  }
  if (request.state === 'rejected') {
    const comment = request.comment?.trim()
      ? `, saying: "${request.comment.trim()}"`
      : ', without a comment';
    return `${what} was rejected by ${request.decidedBy} at ${request.decidedAt}${comment} (${link}). Talk to them, then start a new task to ask again.`;
  }
  return undefined;
}

function pageUrl(appBaseUrl: string, request: ConsumerApprovalRequest) {
  return `${appBaseUrl.replace(/\/+$/, '')}${approvalPagePath(request.id)}`;
}
