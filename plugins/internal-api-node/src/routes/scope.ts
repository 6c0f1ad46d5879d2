import { InputError } from '@backstage/errors';
import {
  findConsumers,
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from '../config';
import type { VpcSide } from './vpcSide';

/**
 * What a route request is about, from config alone: the transit gateway, the
 * API's account and VPC, and the consumers, each VPC as a side of the routes.
 * Register and deregister both start here, so both refuse (InputError,
 * before any AWS call) the same way what config does not hold.
 */
export function routeScope(
  internalApi: InternalApiConfig,
  request: {
    accountId: string;
    region: string;
    vpcId?: string;
    consumers: string[];
  },
  options: { vpcIdCanBeEmpty: boolean },
) {
  const { transitGateway } = internalApi;
  if (!transitGateway) {
    throw new InputError(
      'No transit gateway is configured: a platform engineer sets internalApi.transitGateway in app-config.yaml.',
    );
  }
  const account = findWorkloadAccount(
    internalApi,
    request.accountId,
    request.region,
  );
  const vpcId = workloadVpcId(account, request.vpcId, {
    canBeEmpty: options.vpcIdCanBeEmpty,
  });
  const consumers = findConsumers(internalApi, request.consumers);
  const provider: VpcSide = {
    label: `provider ${vpcId}`,
    location: account,
    vpcId,
  };
  const consumerSides: VpcSide[] = consumers.map(consumer => ({
    label: `consumer ${consumer.name} (${consumer.vpcId})`,
    location: consumer,
    vpcId: consumer.vpcId,
  }));
  return {
    transitGateway,
    account,
    vpcId,
    consumers,
    provider,
    consumerSides,
  };
}
