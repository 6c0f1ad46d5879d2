import type {
  ConsumerRouteStatus,
  Route53Change,
  RouteStatus,
} from '@internal/plugin-internal-api-common';

/** The day-2 templates' names (templates/internal-fargate-api/): both take the API as `entityRef`. */
export const DAY2_TEMPLATES = {
  changeConsumers: {
    namespace: 'default',
    name: 'change-internal-api-consumers',
  },
  decommission: { namespace: 'default', name: 'decommission-internal-api' },
};

/** The scaffolder's path of a template's form: the app's route, not a fixed `/create`. */
export type TemplatePath = (params: {
  namespace: string;
  templateName: string;
}) => string;

/**
 * A template's form prefilled: the scaffolder reads the `formData` query
 * parameter as JSON (useFormDataFromQuery).
 */
export function templateFormUrl(
  templatePath: TemplatePath,
  template: { namespace: string; name: string },
  formData: Record<string, unknown>,
): string {
  const path = templatePath({
    namespace: template.namespace,
    templateName: template.name,
  });
  const query = new URLSearchParams({ formData: JSON.stringify(formData) });
  return `${path}?${query}`;
}

/**
 * The card's buttons. Change consumers starts from the consumers the entity
 * lists (the consumer picker keeps a prefilled set as it is), so the form
 * opens with the API's current set ticked.
 */
export function day2Links(
  templatePath: TemplatePath,
  api: { entityRef: string; consumers: string[] },
): { title: string; to: string }[] {
  return [
    {
      title: 'Change consumers',
      to: templateFormUrl(templatePath, DAY2_TEMPLATES.changeConsumers, {
        entityRef: api.entityRef,
        consumers: api.consumers,
      }),
    },
    {
      title: 'Decommission',
      to: templateFormUrl(templatePath, DAY2_TEMPLATES.decommission, {
        entityRef: api.entityRef,
      }),
    },
  ];
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

/**
 * Whether Route 53 has the delegation on every name server yet, beside
 * "Delegated from …": the task reports the NS change accepted (PENDING) and
 * does not wait; it is in sync within about a minute. Propagating is not a
 * problem.
 */
export function delegationSyncText(
  change: Route53Change,
  formatTime: (iso: string) => string = iso =>
    new Date(iso).toLocaleTimeString(),
): { text: string; inSync: boolean } {
  if (change.status === 'INSYNC') {
    return { text: `in sync (change ${change.id})`, inSync: true };
  }
  const submitted = change.submittedAt
    ? `submitted ${formatTime(change.submittedAt)}, `
    : '';
  return {
    text: `propagating (${submitted}change ${change.id}): in sync within about a minute`,
    inSync: false,
  };
}
