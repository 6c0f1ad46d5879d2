import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type {
  ConsumerOption,
  DomainCheckRequest,
  DomainCheckResponse,
  InternalApiStatus,
  LookupList,
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  WorkloadAccountList,
} from '@internal/plugin-internal-api-common';
import { callInternalApi } from './callInternalApi';
import type { EntityName, InternalApiLookups } from './InternalApiLookups';

/**
 * Calls /api/internal-api through the app's fetch API, which adds the
 * signed-in user's token. A failed call (503 when AWS could not be asked, 429
 * when the person looked up too often, 500 for a bug) throws the backend's
 * own message, e.g. "AWS could not be asked for the subnets. Try again; if it
 * persists, the platform team should check the backend's AWS access (details
 * are in the backend log)."
 */
export class InternalApiClient implements InternalApiLookups {
  // Fields on one page ask the same question at the same moment: the subnet filters and the
  // resolved-subnets summary the same preview, a picker and its Review summary the same list.
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  listAccounts(): Promise<WorkloadAccountList> {
    return this.shared('GET', '/accounts');
  }

  async listConsumers(
    options: { currentOf?: string } = {},
  ): Promise<ConsumerOption[]> {
    const query = options.currentOf
      ? `?${new URLSearchParams({ currentOf: options.currentOf })}`
      : '';
    return (
      await this.shared<LookupList<ConsumerOption>>('GET', `/consumers${query}`)
    ).items;
  }

  async listParentDomains(): Promise<string[]> {
    return (await this.shared<LookupList<string>>('GET', '/parent-domains'))
      .items;
  }

  /** Identical previews asked while one is in flight share its answer. */
  previewPlacement(
    request: PlacementPreviewRequest,
  ): Promise<PlacementPreviewResponse> {
    return this.shared('POST', '/placement/preview', request);
  }

  checkDomain(request: DomainCheckRequest): Promise<DomainCheckResponse> {
    return this.call<DomainCheckResponse>('POST', '/domain/check', request);
  }

  getStatus({ kind, namespace, name }: EntityName): Promise<InternalApiStatus> {
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return this.shared('GET', `/status/${path}`);
  }

  /** The answer to an identical call still in flight, else a new call. */
  private shared<T>(method: string, path: string, body?: object): Promise<T> {
    const key = JSON.stringify([method, path, body]);
    let answer = this.inFlight.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = this.call<T>(method, path, body).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, answer);
    }
    return answer;
  }

  private call<T>(method: string, path: string, body?: object) {
    return callInternalApi<T>(this.options, method, path, body);
  }
}
