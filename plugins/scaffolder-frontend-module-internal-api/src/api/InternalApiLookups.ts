import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ConsumerOption,
  DomainCheckRequest,
  DomainCheckResponse,
  InternalApiStatus,
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  WorkloadAccountList,
} from '@internal/plugin-internal-api-common';

/**
 * The internal-api backend's lookups, as the form fields use them. A refusal
 * of the values is an answer (`{ problems }`), not an error: the fields show
 * it as field errors. A lookup that could not be answered (AWS unreachable,
 * too many lookups, a bug) rejects with the backend's own message.
 */
export interface InternalApiLookups {
  /** The accounts the user may create in; none with `noAccountReason`. */
  listAccounts(): Promise<WorkloadAccountList>;
  /** The consumers the user may add or ask for; with `currentOf` (an API's entity ref) also its current ones. */
  listConsumers(options?: { currentOf?: string }): Promise<ConsumerOption[]>;
  listParentDomains(): Promise<string[]>;
  previewPlacement(
    request: PlacementPreviewRequest,
  ): Promise<PlacementPreviewResponse>;
  checkDomain(request: DomainCheckRequest): Promise<DomainCheckResponse>;
  /** What AWS holds for the API's Component now: the entity page's card. */
  getStatus(entityRef: EntityName): Promise<InternalApiStatus>;
}

/** An entity's kind, namespace and name (catalog-model's CompoundEntityRef). */
export type EntityName = { kind: string; namespace: string; name: string };

export const internalApiLookupsApiRef = createApiRef<InternalApiLookups>({
  id: 'plugin.internal-api.lookups',
});
