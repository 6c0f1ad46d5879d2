import { parseEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  INTERNAL_API_ANNOTATIONS,
  type ConsumerNetworkFacts,
  parseConsumersAnnotation,
} from '@internal/plugin-internal-api-common';
import { useEffect, useRef } from 'react';
import { useLookup } from '../../lookups/useLookup';
import { consumersToTick, inConfiguredOrder } from './logic';

/** An API's current consumers, with the ref they belong to (a lookup keeps its last value while the next loads). */
export type CurrentConsumers = { entityRef: string; names: string[] };

/** The API's name for sentences; the ref itself when it is not one. */
export function apiName(entityRef: string): string {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/**
 * The consumers the API's catalog entity lists (its consumers annotation).
 * An undefined ref asks nothing. The catalog API is looked up, not required:
 * without the option the field must work where no catalog is installed.
 */
export function useCurrentConsumers(entityRef: string | undefined) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  return useLookup<CurrentConsumers>(entityRef, async () => {
    const ref = entityRef!;
    if (!catalogApi) {
      throw new Error('this app has no catalog to look the API up in.');
    }
    const entity = await catalogApi.getEntityByRef(ref);
    if (!entity) {
      throw new Error('it is not in the catalog; pick another API.');
    }
    return {
      entityRef: ref,
      names: parseConsumersAnnotation(
        entity.metadata.annotations?.[INTERNAL_API_ANNOTATIONS.consumers],
      ),
    };
  });
}

/**
 * Ticks the API's current consumers once per API picked, when the list holds
 * no choice of the person's (see consumersToTick). Runs only once both the
 * configured networks and the API's entity are known, so it never ticks names
 * the person cannot see.
 */
export function useTickCurrentConsumers(args: {
  entityRef: string | undefined;
  current: CurrentConsumers | undefined;
  options: ConsumerNetworkFacts[] | undefined;
  picked: string[];
  onChange: (names: string[]) => void;
}) {
  const { entityRef, current, options, picked, onChange } = args;
  // The API the boxes were last matched to and its ticked set; a remount
  // (Back from Review) starts afresh and so keeps what the list holds.
  const matched = useRef<{ entityRef: string; ticked: string[] }>();
  useEffect(() => {
    if (!options || !current || current.entityRef !== entityRef) {
      return;
    }
    if (matched.current?.entityRef === entityRef) {
      return;
    }
    const ticked = inConfiguredOrder(current.names, options);
    const next = consumersToTick({
      picked,
      current: ticked,
      previousCurrent: matched.current?.ticked,
    });
    matched.current = { entityRef, ticked };
    if (next) {
      onChange(next);
    }
  }, [entityRef, current, options, picked, onChange]);
}
