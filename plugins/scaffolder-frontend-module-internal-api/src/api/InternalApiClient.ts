import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type {
  ConsumerNetworkFacts,
  DomainCheckRequest,
  DomainCheckResponse,
  InternalApiStatus,
  LookupList,
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  WorkloadAccount,
} from '@internal/plugin-internal-api-common';
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

  async listAccounts(): Promise<WorkloadAccount[]> {
    return (await this.shared<LookupList<WorkloadAccount>>('GET', '/accounts'))
      .items;
  }

  async listConsumers(): Promise<ConsumerNetworkFacts[]> {
    return (
      await this.shared<LookupList<ConsumerNetworkFacts>>('GET', '/consumers')
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

  private async call<T>(method: string, path: string, body?: object) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('internal-api');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body && JSON.stringify(body),
    });
    const payload = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new Error(
        payload?.error?.message ??
          `The internal-api backend answered HTTP ${response.status} for ${path}`,
      );
    }
    return payload as T;
  }
}
