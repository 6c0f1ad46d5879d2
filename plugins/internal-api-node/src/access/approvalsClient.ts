import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import type { ConsumerApprovals } from './approvals';

/** The internal-api backend's plugin id: where approvals are kept. */
const INTERNAL_API_PLUGIN_ID = 'internal-api';

/**
 * {@link ConsumerApprovals} over HTTP: the scaffolder module asks the
 * internal-api backend, on behalf of the task's user, so the backend records
 * who asked from the token and never from the body.
 */
export class ConsumerApprovalsClient implements ConsumerApprovals {
  constructor(
    private readonly deps: {
      discovery: Pick<DiscoveryService, 'getBaseUrl'>;
      auth: Pick<AuthService, 'getPluginRequestToken'>;
    },
  ) {}

  async request(
    ...[ask, { credentials }]: Parameters<ConsumerApprovals['request']>
  ): Promise<ConsumerApprovalRequest> {
    const [baseUrl, { token }] = await Promise.all([
      this.deps.discovery.getBaseUrl(INTERNAL_API_PLUGIN_ID),
      this.deps.auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: INTERNAL_API_PLUGIN_ID,
      }),
    ]);
    const response = await fetch(`${baseUrl}/approvals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(ask),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ConsumerApprovalRequest;
  }
}
