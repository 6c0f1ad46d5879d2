import {
  Link,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import Typography from '@material-ui/core/Typography';
import { useTaskPath } from './routes';
import { usePersonName } from './usePersonName';
import { personText, stateText, whenText } from './words';

/** The task, linked to its page in the scaffolder where the app has one. */
export function TaskLink({ taskId }: { taskId: string }) {
  const taskPath = useTaskPath();
  return taskPath ? <Link to={taskPath(taskId)}>{taskId}</Link> : <>{taskId}</>;
}

/** "Sam (Orders team) asks to let consumer partner-api reach … (task <link>)." */
export function RequestSentence({
  request,
}: {
  request: ConsumerApprovalRequest;
}) {
  const requester = usePersonName(request.requestedBy);
  return (
    <Typography variant="body1" gutterBottom>
      {personText(requester, request.requestedBy)} asks to let consumer{' '}
      <strong>{request.consumer}</strong> reach <strong>{request.api}</strong>{' '}
      in account {request.accountId} (task <TaskLink taskId={request.taskId} />
      ), on {whenText(request.requestedAt)}.
    </Typography>
  );
}

/** The state with its icon, who decided and their comment. */
export function RequestState({
  request,
}: {
  request: ConsumerApprovalRequest;
}) {
  // A new component for each decider: the catalog's presentation hook keeps the name of the ref
  // it had until it catches up, which would say "Approved by <the requester>" for a moment.
  return <StateOf key={request.decidedBy ?? ''} request={request} />;
}

function StateOf({ request }: { request: ConsumerApprovalRequest }) {
  const decider = usePersonName(request.decidedBy ?? request.requestedBy);
  const Icon = {
    pending: StatusPending,
    approved: StatusOK,
    rejected: StatusError,
  }[request.state];
  return (
    <Typography variant="body2" component="div">
      <Icon>{stateText(request, decider)}</Icon>
      {request.comment && (
        <Typography variant="body2" color="textSecondary">
          “{request.comment}”
        </Typography>
      )}
    </Typography>
  );
}
