import type {
  ConsumerRouteStatus,
  RouteStatus,
} from '@internal/plugin-internal-api-common';

/** The decommission template (templates/internal-fargate-api/decommission.yaml) and its entity parameter. */
export const DECOMMISSION_TEMPLATE = {
  namespace: 'default',
  name: 'decommission-internal-api',
  entityParameter: 'entityRef',
};

/**
 * The scaffolder's page for a template with its form prefilled: the
 * scaffolder reads the `formData` query parameter as JSON
 * (useFormDataFromQuery). `/create` is the app's scaffolder path.
 */
export function templateFormUrl(
  template: { namespace: string; name: string },
  formData: Record<string, unknown>,
): string {
  const query = new URLSearchParams({ formData: JSON.stringify(formData) });
  return `/create/templates/${template.namespace}/${template.name}?${query}`;
}

/** A route's state in a few words; drift is a problem, present and covered are not. */
export function routeStateText(route: RouteStatus): {
  text: string;
  problem: boolean;
} {
  switch (route.state) {
    case 'present':
      return { text: 'present', problem: false };
    case 'covered':
      return {
        text: `covered by ${route.foundTarget ?? 'a broader route'}`,
        problem: false,
      };
    case 'taken':
      return {
        text: `taken: leads to ${route.foundTarget ?? 'another target'}`,
        problem: true,
      };
    default:
      return { text: 'missing', problem: true };
  }
}

export type ConsumerRouteRow = {
  key: string;
  consumer: string;
  side: 'provider' | 'consumer';
  route?: RouteStatus;
  /** Why the consumer's routes could not be read. */
  problem?: string;
};

/** One row per route, both sides of each consumer; one row for a consumer that could not be read. */
export function consumerRouteRows(
  consumers: ConsumerRouteStatus[],
): ConsumerRouteRow[] {
  return consumers.flatMap((consumer): ConsumerRouteRow[] => {
    const consumerName = consumer.cidr
      ? `${consumer.name} (${consumer.cidr})`
      : consumer.name;
    if (consumer.problem) {
      return [
        {
          key: consumer.name,
          consumer: consumerName,
          side: 'consumer',
          problem: consumer.problem,
        },
      ];
    }
    const sides = [
      ['provider', consumer.providerSide],
      ['consumer', consumer.consumerSide],
    ] as const;
    return sides.flatMap(([side, routes]) =>
      routes.map(route => ({
        key: `${consumer.name}/${side}/${route.routeTableId}/${route.destinationCidrBlock}`,
        consumer: consumerName,
        side,
        route,
      })),
    );
  });
}
