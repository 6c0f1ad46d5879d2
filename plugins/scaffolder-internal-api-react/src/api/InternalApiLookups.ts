import { createApiRef } from '@backstage/core-plugin-api';

export interface WorkloadAccountOption {
  accountId: string;
  title: string;
  region: string;
  vpcId: string;
}

export interface ConsumerNetworkOption {
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  cidr?: string;
  problem?: string;
}

export interface SubnetFilter {
  name: string;
  values: string[];
}

export interface PreviewSubnet {
  subnetId: string;
  availabilityZone: string;
  cidr: string;
}

/** The backend's answer: the matching subnets by zone, or why it could not place them. */
export interface PlacementPreview {
  vpcId?: string;
  vpcCidr?: string;
  zones?: { availabilityZone: string; subnets: PreviewSubnet[] }[];
  /** The placement action's own refusals; empty when it would accept the placement. */
  problems: string[];
}

export interface DomainCheck {
  domainName?: string;
  parentDomain?: string;
  changes?: { change: string; target: string; status: string }[];
  problems: string[];
}

/** The internal-api backend's lookups, as the form fields use them. */
export interface InternalApiLookups {
  listAccounts(): Promise<WorkloadAccountOption[]>;
  listConsumers(): Promise<ConsumerNetworkOption[]>;
  listParentDomains(): Promise<string[]>;
  previewPlacement(request: {
    accountId: string;
    region: string;
    subnetFilters: SubnetFilter[];
  }): Promise<PlacementPreview>;
  checkDomain(request: {
    domainName: string;
    accountId: string;
  }): Promise<DomainCheck>;
}

export const internalApiLookupsApiRef = createApiRef<InternalApiLookups>({
  id: 'plugin.internal-api.lookups',
});
