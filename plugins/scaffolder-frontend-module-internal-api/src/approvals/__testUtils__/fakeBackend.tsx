import { identityApiRef } from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import { Route, Routes } from 'react-router-dom';
import { ConsumerApprovalsClient, consumerApprovalsApiRef } from '../api';
import { ApprovalsPage } from '../ApprovalsPage';
import { approvalsRouteRef } from '../routes';

/** Sam (Orders team) asks to route partner-api, which the payments team owns. */
export const samAsks: ConsumerApprovalRequest = {
  id: 'appr-1',
  taskId: 'task-42',
  consumer: 'partner-api',
  accountId: '444455556666',
  api: 'orders.internal.example.com',
  requestedBy: 'user:default/sam',
  requestedAt: '2026-11-26T10:00:00Z',
  approvers: ['group:default/payments-team'],
  state: 'pending',
};

/** Pat's own request, approved by Ada with a comment. */
export const patAsked: ConsumerApprovalRequest = {
  id: 'appr-2',
  taskId: 'task-7',
  consumer: 'customer-api',
  accountId: '555566667777',
  api: 'payments.internal.example.com',
  requestedBy: 'user:default/pat',
  requestedAt: '2026-11-25T09:00:00Z',
  approvers: ['group:default/orders-team'],
  state: 'approved',
  decidedBy: 'user:default/ada',
  decidedAt: '2026-11-25T11:00:00Z',
  comment: 'Read-only traffic only, please.',
};

export const refusal = (status: number, message: string) => ({
  status,
  body: { error: { name: 'Error', message }, response: { statusCode: status } },
});

type Answer = { status: number; body: object };

/**
 * The internal-api backend as the real client meets it: `answers` maps
 * "METHOD /path" to what it answers (a function gets the posted body).
 * Anything else is a 404, so an unexpected call shows up as a failed test.
 */
export function fakeBackend(
  answers: Record<string, Answer | ((body: any) => Answer)>,
) {
  const fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const path = url.replace('http://backend/api/internal-api', '');
    const answer = answers[`${init?.method ?? 'GET'} ${path}`];
    const { status, body } =
      typeof answer === 'function'
        ? answer(init?.body ? JSON.parse(String(init.body)) : undefined)
        : answer ?? refusal(404, `Nothing at ${path}`);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  const api = new ConsumerApprovalsClient({
    discoveryApi: {
      getBaseUrl: async plugin => `http://backend/api/${plugin}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  /** The bodies posted to `path`, parsed. */
  const posted = (path: string) =>
    fetch.mock.calls
      .filter(([url, init]) => init?.method === 'POST' && url.endsWith(path))
      .map(([, init]) => JSON.parse(String(init!.body)));
  return { api, fetch, posted };
}

// The catalog's names for people, as its presentation API gives them from user profiles.
const names: Record<string, string> = {
  'user:default/sam': 'Sam (Orders team)',
  'user:default/pat': 'Pat (Payments team)',
  'user:default/ada': 'Ada (platform admin)',
};
const presentation = {
  forEntity: (entityRef: string) => {
    const snapshot = { entityRef, primaryTitle: names[entityRef] ?? entityRef };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

/**
 * The approvals page at `path`, mounted as the app mounts it
 * (`/internal-api/approvals/*`, the scaffolder at `/create`), seen by `viewer`.
 */
export function renderApprovalsPage(
  backend: ReturnType<typeof fakeBackend>,
  path: string,
  viewer = 'user:default/pat',
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [consumerApprovalsApiRef, backend.api],
        [identityApiRef, mockApis.identity({ userEntityRef: viewer })],
        [entityPresentationApiRef, presentation],
      ]}
    >
      <Routes>
        <Route path="/internal-api/approvals/*" element={<ApprovalsPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/internal-api/approvals': approvalsRouteRef,
        '/create': scaffolderPlugin.routes.root,
      },
    },
  );
}
