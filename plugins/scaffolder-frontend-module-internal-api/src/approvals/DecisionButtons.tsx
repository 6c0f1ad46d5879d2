import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import {
  APPROVAL_COMMENT_MAX_LENGTH,
  type ConsumerApprovalDecision,
} from '@internal/plugin-internal-api-common';
import { consumerApprovalsApiRef } from './api';

/**
 * Approve / Reject, and on the request's own page a comment. The caller shows
 * what came of it: the updated request, or the server's refusal (which it
 * keeps on screen even when a reload makes these buttons go away).
 */
export function DecisionButtons(props: {
  request: ConsumerApprovalRequest;
  withComment?: boolean;
  onDecided: (updated: ConsumerApprovalRequest) => void;
  onRefused: (error: Error) => void;
}) {
  const { request, withComment, onDecided, onRefused } = props;
  const api = useApi(consumerApprovalsApiRef);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (decision: ConsumerApprovalDecision['decision']) => {
    setBusy(true);
    const words = comment.trim();
    try {
      onDecided(
        await api.decide(
          request.id,
          words ? { decision, comment: words } : { decision },
        ),
      );
    } catch (error) {
      onRefused(error as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      {withComment && (
        <TextField
          id={`approval-comment-${request.id}`}
          label="Comment (optional)"
          helperText="The requester sees it with your decision."
          value={comment}
          onChange={event => setComment(event.target.value)}
          disabled={busy}
          inputProps={{ maxLength: APPROVAL_COMMENT_MAX_LENGTH }}
          fullWidth
          multiline
          margin="normal"
        />
      )}
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={() => decide('approve')}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => decide('reject')}
        >
          Reject
        </Button>
      </Box>
    </Box>
  );
}
