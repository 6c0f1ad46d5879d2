import { fireEvent, screen, within } from '@testing-library/react';
import {
  fakeBackend,
  patAsked,
  refusal,
  renderApprovalsPage,
  samAsks,
} from './__testUtils__/fakeBackend';

const table = (name: string) => screen.getByRole('table', { name });
const rowOf = (tableName: string, consumer: string) =>
  within(table(tableName))
    .getAllByRole('row')
    .find(row => within(row).queryByText(consumer))!;

describe('The approvals list', () => {
  it('lists what Pat may decide and what Pat asked for', async () => {
    const backend = fakeBackend({
      'GET /approvals': {
        status: 200,
        body: { toDecide: [samAsks], requestedByMe: [patAsked] },
      },
    });
    await renderApprovalsPage(backend, '/internal-api/approvals');

    const toDecide = rowOf(
      'To decide',
      await screen.findByText('partner-api').then(() => 'partner-api'),
    );
    expect(
      within(toDecide).getByRole('link', { name: 'partner-api' }),
    ).toHaveAttribute('href', '/internal-api/approvals/appr-1');
    expect(toDecide).toHaveTextContent('orders.internal.example.com');
    expect(toDecide).toHaveTextContent('444455556666');
    expect(toDecide).toHaveTextContent('Sam (Orders team)');
    expect(
      within(toDecide).getByRole('button', { name: 'Approve' }),
    ).toBeEnabled();
    expect(
      within(toDecide).getByRole('button', { name: 'Reject' }),
    ).toBeEnabled();

    const mine = rowOf('Your requests', 'customer-api');
    expect(mine).toHaveTextContent('Approved by Ada (platform admin)');
    expect(mine).toHaveTextContent('“Read-only traffic only, please.”');
    expect(mine).toHaveTextContent(
      "You can now press Retry on the task's page",
    );
    expect(within(mine).getByRole('link', { name: 'task-7' })).toHaveAttribute(
      'href',
      '/create/tasks/task-7',
    );
  });

  it('approves from the list: posts the decision and shows the new state', async () => {
    const backend = fakeBackend({
      'GET /approvals': {
        status: 200,
        body: { toDecide: [samAsks], requestedByMe: [] },
      },
      'POST /approvals/appr-1/decision': body => ({
        status: 200,
        body: {
          ...samAsks,
          state: body.decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: 'user:default/pat',
          decidedAt: '2026-11-26T10:05:00Z',
        },
      }),
    });
    await renderApprovalsPage(backend, '/internal-api/approvals');

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(
      await screen.findByText(/^Approved by Pat \(Payments team\)/),
    ).toBeInTheDocument();
    expect(backend.posted('/approvals/appr-1/decision')).toEqual([
      { decision: 'approve' },
    ]);
    expect(rowOf('To decide', 'partner-api')).toHaveTextContent(
      "Sam (Orders team) can now press Retry on the task's page",
    );
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it("shows the server's sentence when it refuses the decision", async () => {
    const sentence =
      'Only a member of group:default/payments-team or an admin decides on partner-api.';
    const backend = fakeBackend({
      'GET /approvals': {
        status: 200,
        body: { toDecide: [samAsks], requestedByMe: [] },
      },
      'POST /approvals/appr-1/decision': refusal(403, sentence),
    });
    await renderApprovalsPage(backend, '/internal-api/approvals');

    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));

    expect(await screen.findByText(sentence)).toBeVisible();
    expect(backend.posted('/approvals/appr-1/decision')).toEqual([
      { decision: 'reject' },
    ]);
    // Still undecided: the buttons stay for another try.
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it('says in words when there is nothing in either section', async () => {
    const backend = fakeBackend({
      'GET /approvals': {
        status: 200,
        body: { toDecide: [], requestedByMe: [] },
      },
    });
    await renderApprovalsPage(backend, '/internal-api/approvals');

    expect(
      await screen.findByText('Nothing waits for your approval.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^You have asked for no approvals\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows why the list could not be read', async () => {
    const backend = fakeBackend({
      'GET /approvals': refusal(
        503,
        'The approvals store could not be read. Try again.',
      ),
    });
    await renderApprovalsPage(backend, '/internal-api/approvals');

    expect(
      await screen.findByText(
        'The approvals store could not be read. Try again.',
      ),
    ).toBeVisible();
  });
});
