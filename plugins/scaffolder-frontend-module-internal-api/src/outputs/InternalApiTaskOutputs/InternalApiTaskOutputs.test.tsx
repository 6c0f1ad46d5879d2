import {
  ScaffolderApi,
  scaffolderApiRef,
} from '@backstage/plugin-scaffolder-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { failureReportLines } from '@internal/plugin-internal-api-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TaskOutputs } from './InternalApiTaskOutputs';

// The catalog's entity route, for the "Open in catalog" link (a dependency of the scaffolder's, not ours).
const { entityRouteRef } = jest.requireActual(
  '@backstage/plugin-catalog-react',
);

// The output as the template renders it for the Orders API (template.yaml's output, shortened).
const OUTPUT = {
  links: [
    { title: 'Repository', url: 'https://github.com/acme/orders-api' },
    {
      title: 'Open in catalog',
      icon: 'catalog',
      entityRef: 'component:default/orders-api',
    },
    { title: 'API endpoint (private)', url: 'https://orders.api.acme.com' },
  ],
  text: [
    {
      title: 'What happens next',
      content:
        "- **Deploy.** Every push to `main` runs the repository's `.github/workflows/deploy.yml`.\n" +
        '- **Call it.** Once deployed, the API answers at `https://orders.api.acme.com`.\n',
    },
    {
      title: 'Clone',
      content: '`git clone https://github.com/acme/orders-api.git`\n',
    },
    {
      title: 'AWS changes',
      content:
        '**DNS** (zone `Z0CHILD`):\n\n- NS orders.api.acme.com: **created**\n',
    },
  ],
};

const REPORT_LINES = failureReportLines({
  changes: [
    'zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
    'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
  ],
  notes: [
    "The failed step's own writes, if any, are named in its error above.",
  ],
  repository: 'https://github.com/acme/orders-api.git',
  nextSteps: ['Fix the cause in the error above, then retry this task.'],
});

/** A scaffolder API whose task failed at `routes` after the report step logged `reportLines`. */
function failedTaskApi(reportLines: string[]): Partial<ScaffolderApi> {
  const log = (stepId: string, message: string, status?: string) => ({
    type: 'log',
    createdAt: '2026-01-05T10:00:00.000Z',
    body: { stepId, message, ...(status && { status }) },
  });
  const events = [
    log('routes', 'UnauthorizedOperation: not authorized', 'failed'),
    log('report', 'Beginning step Report', 'processing'),
    ...reportLines.map(line => log('report', `\x1B[32minfo\x1B[39m: ${line}`)),
    log('report', 'Finished step Report', 'completed'),
    {
      type: 'completion',
      body: { message: 'Run failed', error: { name: 'Error', message: 'x' } },
    },
  ];
  return {
    getTask: jest.fn(async () => ({
      id: 'task-1',
      spec: {
        steps: [
          {
            id: 'routes',
            name: 'Routes',
            action: 'internal-api:tgw:register-routes',
          },
          {
            id: 'report',
            name: 'Report',
            action: 'internal-api:report:changes',
          },
        ],
      },
      status: 'failed',
    })) as any,
    streamLogs: jest.fn(() => ({
      subscribe(observer: { next(event: unknown): void }) {
        events.forEach(event => observer.next(event));
        return { unsubscribe() {}, closed: true };
      },
    })) as any,
  };
}

const renderFailed = (api: Partial<ScaffolderApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[scaffolderApiRef, api]]}>
      <TaskOutputs taskId="task-1" />
    </TestApiProvider>,
  );

describe('the task page outputs of the internal-API template', () => {
  it("shows a completed task's links and every text at once, the clone command with a copy button", async () => {
    const writeText = jest.fn(async () => {});
    Object.assign(navigator, { clipboard: { writeText } });
    await renderInTestApp(<TaskOutputs output={OUTPUT} taskId="task-1" />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(screen.getByRole('link', { name: /^Repository/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/orders-api',
    );
    expect(
      screen.getByRole('link', { name: 'Open in catalog' }),
    ).toHaveAttribute('href', '/catalog/default/component/orders-api');
    expect(
      screen.getByRole('link', { name: /^API endpoint \(private\)/ }),
    ).toHaveAttribute('href', 'https://orders.api.acme.com');

    // Every text is a card of its own, in the template's order, none behind a button.
    expect(
      screen.getAllByRole('heading', { level: 2 }).map(h => h.textContent),
    ).toEqual(['What happens next', 'Clone', 'AWS changes']);
    expect(screen.getByText('.github/workflows/deploy.yml')).toBeVisible();
    expect(
      screen.getByText('NS orders.api.acme.com:', { exact: false }),
    ).toBeVisible();
    expect(
      screen.getByText('git clone https://github.com/acme/orders-api.git'),
    ).toBeVisible();

    fireEvent.click(screen.getByRole('button', { name: /^Copy: git clone/ }));
    await waitFor(() => expect(screen.getByText('Copied')).toBeVisible());
    expect(writeText).toHaveBeenCalledWith(
      'git clone https://github.com/acme/orders-api.git',
    );
  });

  it("shows a failed task's report: what was changed before the failure, the repository, and what to do next", async () => {
    await renderFailed(failedTaskApi(REPORT_LINES));

    const changes = await screen.findByRole('list', {
      name: 'AWS changes made before the failure',
    });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
      'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
    ]);
    expect(
      screen.getByText(
        "The failed step's own writes, if any, are named in its error above.",
      ),
    ).toBeVisible();
    expect(
      screen.getByRole('link', {
        name: /^https:\/\/github\.com\/acme\/orders-api\.git/,
      }),
    ).toHaveAttribute('href', 'https://github.com/acme/orders-api.git');
    expect(
      within(screen.getByRole('list', { name: 'What to do next' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Fix the cause in the error above, then retry this task.']);
  });

  it('says None when the failed task changed nothing', async () => {
    await renderFailed(
      failedTaskApi(
        failureReportLines({
          changes: [],
          notes: [],
          nextSteps: [
            'Fix the cause in the error above and run the template again.',
          ],
        }),
      ),
    );
    expect(await screen.findByText('None.')).toBeVisible();
    expect(
      screen.getByText(
        'Fix the cause in the error above and run the template again.',
      ),
    ).toBeVisible();
  });

  it('shows nothing for a failed task without a report', async () => {
    const api = failedTaskApi([]);
    const { container } = await renderFailed(api);
    await waitFor(() => expect(api.streamLogs).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });
});
