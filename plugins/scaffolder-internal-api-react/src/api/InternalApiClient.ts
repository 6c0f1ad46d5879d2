import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { InternalApiLookups } from './InternalApiLookups';

/**
 * Calls /api/internal-api through the app's fetch API, which adds the
 * signed-in user's token. A failed call throws the backend's own message
 * (e.g. "AWS could not be asked for the subnets: …").
 */
export class InternalApiClient implements InternalApiLookups {
  // The subnet filters and the resolved-subnets field ask the same question at the same moment.
  private readonly previewsInFlight = new Map<string, Promise<any>>();

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listAccounts() {
    return (await this.call('GET', '/accounts')).items;
  }

  async listConsumers() {
    return (await this.call('GET', '/consumers')).items;
  }

  async listParentDomains() {
    return (await this.call('GET', '/parent-domains')).items;
  }

  /** Identical previews asked while one is in flight share its answer. */
  previewPlacement(
    request: Parameters<InternalApiLookups['previewPlacement']>[0],
  ) {
    const key = JSON.stringify(request);
    let preview = this.previewsInFlight.get(key);
    if (!preview) {
      preview = this.call('POST', '/placement/preview', request).finally(() =>
        this.previewsInFlight.delete(key),
      );
      this.previewsInFlight.set(key, preview);
    }
    return preview;
  }

  checkDomain(request: Parameters<InternalApiLookups['checkDomain']>[0]) {
    return this.call('POST', '/domain/check', request);
  }

  private async call(method: string, path: string, body?: object) {
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
    return payload;
  }
}
