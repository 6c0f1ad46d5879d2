import {
  InfoCard,
  Link,
  Progress,
  StatusError,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState, type ReactNode } from 'react';
import { useLookup } from '../lookups/useLookup';
import { consumerApprovalsApiRef } from './api';
import { RequestState, TaskLink } from './RequestText';
import { DecisionButtons } from './DecisionButtons';
import { approvalRouteRef } from './routes';
import { usePersonName } from './usePersonName';
import { nextStepText, personText, whenText } from './words';

/** The consumer, linked to the request's own page (comment, full sentence). */
function ConsumerCell({ request }: { request: ConsumerApprovalRequest }) {
  const approvalPath = useRouteRef(approvalRouteRef);
  return (
    <TableCell>
      <Link to={approvalPath({ id: request.id })}>{request.consumer}</Link>
    </TableCell>
  );
}

function ToDecideRow({
  request: listed,
}: {
  request: ConsumerApprovalRequest;
}) {
  // The row shows what the decision made of the request until the list is read again.
  const [request, setRequest] = useState(listed);
  const [refusal, setRefusal] = useState<Error>();
  const requester = usePersonName(request.requestedBy);
  return (
    <TableRow>
      <ConsumerCell request={request} />
      <TableCell>{request.api}</TableCell>
      <TableCell>{request.accountId}</TableCell>
      <TableCell>{personText(requester, request.requestedBy)}</TableCell>
      <TableCell>{whenText(request.requestedAt)}</TableCell>
      <TableCell>
        {request.state === 'pending' ? (
          <DecisionButtons
            request={request}
            onDecided={updated => {
              setRefusal(undefined);
              setRequest(updated);
            }}
            onRefused={setRefusal}
          />
        ) : (
          <>
            <RequestState request={request} />
            <Typography variant="caption" color="textSecondary">
              {nextStepText(request, requester)}
            </Typography>
          </>
        )}
        {refusal && <StatusError>{refusal.message}</StatusError>}
      </TableCell>
    </TableRow>
  );
}

function RequestedByMeRow({ request }: { request: ConsumerApprovalRequest }) {
  return (
    <TableRow>
      <ConsumerCell request={request} />
      <TableCell>{request.api}</TableCell>
      <TableCell>{request.accountId}</TableCell>
      <TableCell>{whenText(request.requestedAt)}</TableCell>
      <TableCell>
        <RequestState request={request} />
        {request.state !== 'pending' && (
          <Typography variant="caption" color="textSecondary">
            {nextStepText(request)}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <TaskLink taskId={request.taskId} />
      </TableCell>
    </TableRow>
  );
}

/** A titled table, or a sentence when there is nothing to list. */
function Section(props: {
  title: string;
  empty: string;
  columns: string[];
  rows: ReactNode[];
}) {
  return (
    <Box mb={3}>
      <InfoCard title={props.title}>
        {props.rows.length === 0 ? (
          <Typography variant="body2">{props.empty}</Typography>
        ) : (
          <Table size="small" aria-label={props.title}>
            <TableHead>
              <TableRow>
                {props.columns.map(column => (
                  <TableCell key={column}>{column}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>{props.rows}</TableBody>
          </Table>
        )}
      </InfoCard>
    </Box>
  );
}

/** The list at /internal-api/approvals: what the signed-in user may decide, then what they asked for. */
export function ApprovalsList() {
  const api = useApi(consumerApprovalsApiRef);
  const { value, error, loading } = useLookup('approvals', () => api.list());
  if (error) {
    return (
      <WarningPanel
        severity="error"
        title="Approvals could not be read"
        message={error.message}
        defaultExpanded
      />
    );
  }
  if (loading || !value) {
    return <Progress />;
  }
  return (
    <>
      <Section
        title="To decide"
        empty="Nothing waits for your approval."
        columns={[
          'Consumer',
          'API',
          'Account',
          'Requested by',
          'Requested',
          'Decision',
        ]}
        rows={value.toDecide.map(request => (
          <ToDecideRow key={request.id} request={request} />
        ))}
      />
      <Section
        title="Your requests"
        empty="You have asked for no approvals. A task asks for one when it adds a consumer whose owners approve who may reach it."
        columns={['Consumer', 'API', 'Account', 'Requested', 'State', 'Task']}
        rows={value.requestedByMe.map(request => (
          <RequestedByMeRow key={request.id} request={request} />
        ))}
      />
    </>
  );
}
