import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useLookup } from '../lookups/useLookup';
import { InternalApiResponseError } from '../api/callInternalApi';
import { consumerApprovalsApiRef } from './api';
import { DecisionButtons } from './DecisionButtons';
import { RequestSentence, RequestState } from './RequestText';
import { usePersonName } from './usePersonName';
import { approversText, nextStepText } from './words';

function ApprovalView(props: {
  request: ConsumerApprovalRequest;
  viewer?: string;
  onDecided: (updated: ConsumerApprovalRequest) => void;
  onRefused: (error: Error) => void;
}) {
  const { request, viewer } = props;
  const requesterName = usePersonName(request.requestedBy);
  const viewerAsked = viewer === request.requestedBy;
  return (
    <InfoCard title={`Consumer ${request.consumer} for ${request.api}`}>
      <RequestSentence request={request} />
      <Typography variant="body2" gutterBottom>
        Who decides: {approversText(request.approvers)}.
      </Typography>
      <Box my={2}>
        <RequestState request={request} />
      </Box>
      {request.state === 'pending' && viewerAsked && (
        <Typography variant="body2">
          You asked for this, so you cannot decide it: send this page's address
          to {approversText(request.approvers)}.
        </Typography>
      )}
      {/* Whoever else may decide is the server's call: it answers 403 with why not. */}
      {request.state === 'pending' && !viewerAsked && (
        <DecisionButtons
          request={request}
          withComment
          onDecided={props.onDecided}
          onRefused={props.onRefused}
        />
      )}
      {request.state !== 'pending' && (
        <Typography variant="body1">
          {nextStepText(request, viewerAsked ? undefined : requesterName)}
        </Typography>
      )}
    </InfoCard>
  );
}

/** One request, at /internal-api/approvals/:id (where the task's message links to). */
export function ApprovalDetail({ id }: { id: string }) {
  const api = useApi(consumerApprovalsApiRef);
  const identityApi = useApi(identityApiRef);
  // Bumped to read the request again after a 409: someone else decided meanwhile.
  const [reads, setReads] = useState(0);
  const [decided, setDecided] = useState<ConsumerApprovalRequest>();
  const [refusal, setRefusal] = useState<Error>();
  const lookup = useLookup(`${id}#${reads}`, () => api.get(id));
  const me = useLookup('me', () => identityApi.getBackstageIdentity());

  const onRefused = (error: Error) => {
    setRefusal(error);
    if (error instanceof InternalApiResponseError && error.status === 409) {
      setDecided(undefined);
      setReads(n => n + 1);
    }
  };
  const request = decided ?? lookup.value;

  if (lookup.error) {
    return (
      <WarningPanel
        severity="error"
        title="This approval request could not be shown"
        message={lookup.error.message}
        defaultExpanded
      />
    );
  }
  if (!request || me.loading) {
    return <Progress />;
  }
  return (
    <>
      {refusal && (
        <Box mb={2}>
          <WarningPanel
            severity="error"
            title="Your decision was not recorded"
            message={refusal.message}
            defaultExpanded
          />
        </Box>
      )}
      <ApprovalView
        request={request}
        viewer={me.value?.userEntityRef}
        onDecided={updated => {
          setRefusal(undefined);
          setDecided(updated);
        }}
        onRefused={onRefused}
      />
    </>
  );
}
