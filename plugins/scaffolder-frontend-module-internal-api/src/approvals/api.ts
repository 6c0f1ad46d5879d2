import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import type {
  ConsumerApprovalDecision,
  ConsumerApprovalRequest,
  ConsumerApprovalsResponse,
} from '@internal/plugin-internal-api-common';
import { callInternalApi } from '../api/callInternalApi';

/** The consumer approvals of /api/internal-api/approvals, as the signed-in user sees them. */
export interface ConsumerApprovalsApi {
  list(): Promise<ConsumerApprovalsResponse>;
  get(id: string): Promise<ConsumerApprovalRequest>;
  decide(
    id: string,
    decision: ConsumerApprovalDecision,
  ): Promise<ConsumerApprovalRequest>;
}

export const consumerApprovalsApiRef = createApiRef<ConsumerApprovalsApi>({
  id: 'plugin.internal-api.approvals',
});

/** Calls the backend through the app's fetch API, which adds the signed-in user's token. */
export class ConsumerApprovalsClient implements ConsumerApprovalsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  list(): Promise<ConsumerApprovalsResponse> {
    return this.call('GET', '/approvals');
  }

  get(id: string): Promise<ConsumerApprovalRequest> {
    return this.call('GET', `/approvals/${encodeURIComponent(id)}`);
  }

  decide(
    id: string,
    decision: ConsumerApprovalDecision,
  ): Promise<ConsumerApprovalRequest> {
    return this.call(
      'POST',
      `/approvals/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  private call<T>(method: string, path: string, body?: object) {
    return callInternalApi<T>(this.options, method, path, body);
  }
}
