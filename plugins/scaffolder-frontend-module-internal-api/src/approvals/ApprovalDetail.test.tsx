import { fireEvent, screen } from '@testing-library/react';
import {
  fakeBackend,
  refusal,
  renderApprovalsPage,
  samAsks,
} from './__testUtils__/fakeBackend';

const page = '/internal-api/approvals/appr-1';
const decidedByPat = (decision: 'approve' | 'reject', comment?: string) => ({
  ...samAsks,
  state: decision === 'approve' ? 'approved' : 'rejected',
  decidedBy: 'user:default/pat',
  decidedAt: '2026-11-26T10:05:00Z',
  comment,
});

describe('The page of one approval request', () => {
  it('says who asks for what, in words, with a link to the task', async () => {
    const backend = fakeBackend({
      'GET /approvals/appr-1': { status: 200, body: samAsks },
    });
    await renderApprovalsPage(backend, page);

    const sentence = await screen.findByText(/asks to let consumer/);
    expect(sentence).toHaveTextContent(
      /^Sam \(Orders team\) asks to let consumer partner-api reach orders\.internal\.example\.com in account 444455556666 \(task task-42\), on /,
    );
    expect(screen.getByRole('link', { name: 'task-42' })).toHaveAttribute(
      'href',
      '/create/tasks/task-42',
    );
    expect(
      screen.getByText(
        'Waiting for a member of group:default/payments-team or an admin to decide',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it('approves with a comment and says what happens next', async () => {
    const backend = fakeBackend({
      'GET /approvals/appr-1': { status: 200, body: samAsks },
      'POST /approvals/appr-1/decision': body => ({
        status: 200,
        body: decidedByPat(body.decision, body.comment),
      }),
    });
    await renderApprovalsPage(backend, page);

    fireEvent.change(await screen.findByLabelText('Comment (optional)'), {
      target: { value: '  Only port 443, please. ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));

    expect(
      await screen.findByText(
        "Sam (Orders team) can now press Retry on the task's page; the task goes on from where it stopped and adds consumer partner-api.",
      ),
    ).toBeInTheDocument();
    expect(backend.posted('/approvals/appr-1/decision')).toEqual([
      { decision: 'approve', comment: 'Only port 443, please.' },
    ]);
    expect(
      screen.getByText(/^Approved by Pat \(Payments team\)/),
    ).toBeInTheDocument();
    expect(screen.getByText('“Only port 443, please.”')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('after a 409 shows the sentence and the decision someone else made', async () => {
    let reads = 0;
    const backend = fakeBackend({
      'GET /approvals/appr-1': () => {
        reads += 1;
        return {
          status: 200,
          body:
            reads === 1
              ? samAsks
              : { ...decidedByPat('reject'), decidedBy: 'user:default/ada' },
        };
      },
      'POST /approvals/appr-1/decision': refusal(
        409,
        'This request was already rejected by user:default/ada.',
      ),
    });
    await renderApprovalsPage(backend, page);

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(
      await screen.findByText(
        'This request was already rejected by user:default/ada.',
      ),
    ).toBeVisible();
    expect(
      await screen.findByText(/^Rejected by Ada \(platform admin\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^The task of Sam \(Orders team\) will not add consumer partner-api/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the 403 sentence when the server refuses', async () => {
    const sentence =
      'You are not a member of group:default/payments-team, so you cannot decide on partner-api.';
    const backend = fakeBackend({
      'GET /approvals/appr-1': { status: 200, body: samAsks },
      'POST /approvals/appr-1/decision': refusal(403, sentence),
    });
    await renderApprovalsPage(backend, page, 'user:default/ada');

    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));

    expect(await screen.findByText(sentence)).toBeVisible();
    expect(
      screen.getByText('Error: Your decision was not recorded'),
    ).toBeInTheDocument();
    expect(backend.posted('/approvals/appr-1/decision')).toEqual([
      { decision: 'reject' },
    ]);
  });

  it('tells the requester who decides instead of offering the buttons', async () => {
    const backend = fakeBackend({
      'GET /approvals/appr-1': { status: 200, body: samAsks },
    });
    await renderApprovalsPage(backend, page, 'user:default/sam');

    expect(
      await screen.findByText(/^You asked for this, so you cannot decide it/),
    ).toHaveTextContent(
      "send this page's address to a member of group:default/payments-team or an admin.",
    );
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it("shows the server's sentence for a request it will not show", async () => {
    const backend = fakeBackend({
      'GET /approvals/appr-1': refusal(
        403,
        'Only the requester, a member of group:default/payments-team or an admin sees this request.',
      ),
    });
    await renderApprovalsPage(backend, page);

    expect(
      await screen.findByText(
        'Only the requester, a member of group:default/payments-team or an admin sees this request.',
      ),
    ).toBeVisible();
  });
});
