import { InputError } from '@backstage/errors';
import type { DeregisterRequest } from './deregisterPlan';

/**
 * Which API goes must be said: its entity (left out of the count), or
 * halfCreated: a creation that failed half-way has none, and then every
 * entity in the VPC counts. Before any AWS call.
 */
export function refuseMissingEntity({
  halfCreated,
  entityRef,
  decommission,
}: Pick<DeregisterRequest, 'halfCreated' | 'entityRef' | 'decommission'>) {
  if (halfCreated && entityRef) {
    throw new InputError(
      `halfCreated is true but entityRef is set ('${entityRef}'): a creation that failed half-way has no catalog entity. ` +
        'Pass entityRef for an API in the catalog, or halfCreated for one that never reached it, not both.',
    );
  }
  // A forgotten entityRef would only keep routes (the API's own entity needing them), but silently.
  if (decommission && !entityRef && !halfCreated) {
    throw new InputError(
      'decommission is true but entityRef is not set: name the API being decommissioned (e.g. component:default/orders-api), ' +
        'so that its own catalog entity does not count as an API that still needs the routes. ' +
        'For a creation that failed half-way (no entity), set halfCreated: true instead.',
    );
  }
}
