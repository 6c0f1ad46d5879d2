import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type {
  ConsumerNetworkFacts,
  DomainCheckRequest,
  DomainCheckResponse,
  LookupList,
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  WorkloadAccount,
} from '@internal/plugin-internal-api-common';
import type { InternalApiLookups } from './InternalApiLookups';

/**
 * Calls /api/internal-api through the app's fetch API, which adds the
 * signed-in user's token. A failed call (503 when AWS could not be asked, 429
 * when the person looked up too often, 500 for a bug) throws the backend's
 * own message, e.g. "AWS could not be asked for the subnets. Try again; if it
 * persists, the platform team should check the backend's AWS access (details
 * are in the backend log)."
 */
export class InternalApiClient implements InternalApiLookups {
  // The subnet filters and the resolved-subnets field ask the same question at the same moment.
  private readonly previewsInFlight = new Map<
    string,
    Promise<PlacementPreviewResponse>
  >();

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listAccounts(): Promise<WorkloadAccount[]> {
    return (await this.call<LookupList<WorkloadAccount>>('GET', '/accounts'))
      .items;
  }

  async listConsumers(): Promise<ConsumerNetworkFacts[]> {
    return (
      await this.call<LookupList<ConsumerNetworkFacts>>('GET', '/consumers')
    ).items;
  }

  async listParentDomains(): Promise<string[]> {
    return (await this.call<LookupList<string>>('GET', '/parent-domains'))
      .items;
  }

  /** Identical previews asked while one is in flight share its answer. */
  previewPlacement(
    request: PlacementPreviewRequest,
  ): Promise<PlacementPreviewResponse> {
    const key = JSON.stringify(request);
    let preview = this.previewsInFlight.get(key);
    if (!preview) {
      preview = this.call<PlacementPreviewResponse>(
        'POST',
        '/placement/preview',
        request,
      ).finally(() => this.previewsInFlight.delete(key));
      this.previewsInFlight.set(key, preview);
    }
    return preview;
  }

  checkDomain(request: DomainCheckRequest): Promise<DomainCheckResponse> {
    return this.call<DomainCheckResponse>('POST', '/domain/check', request);
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
