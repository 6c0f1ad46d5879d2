import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import ApprovalsIcon from '@material-ui/icons/AssignmentTurnedIn';
import { ConsumerApprovalsClient, consumerApprovalsApiRef } from './api';
import { approvalRouteRef, approvalsRouteRef } from './routes';

const approvalsApi = ApiBlueprint.make({
  name: 'approvals',
  params: defineParams =>
    defineParams({
      api: consumerApprovalsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ConsumerApprovalsClient(deps),
    }),
});

// The path is the one approvalPagePath() builds for the task's message: keep them equal.
// A page with a title, an icon and a route ref is also the sidebar's "Approvals" item.
const approvalsPage = PageBlueprint.make({
  name: 'approvals',
  params: {
    path: '/internal-api/approvals',
    routeRef: approvalsRouteRef,
    title: 'Approvals',
    icon: <ApprovalsIcon fontSize="inherit" />,
    loader: () => import('./ApprovalsPage').then(m => <m.ApprovalsPage />),
  },
});

/**
 * The consumer approvals page: an owner of a consumer network approves or
 * rejects a task's request to route to it; the requester follows theirs.
 */
export const internalApiApprovalsPlugin = createFrontendPlugin({
  pluginId: 'internal-api',
  title: 'Approvals',
  routes: { root: approvalsRouteRef, approval: approvalRouteRef },
  extensions: [approvalsApi, approvalsPage],
});
