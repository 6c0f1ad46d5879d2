import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  INTERNAL_API_ANNOTATIONS,
  inputProperties,
} from '@internal/plugin-internal-api-common';
import {
  AUDIT_EVENT_IDS,
  AuditAccess,
  auditWrite,
  taskAudit,
} from '../audit/taskAudit';
import { examples } from './unregisterEntity.examples';
import {
  AccessOptions,
  initiatorOf,
  requireMayChangeEntity,
} from '../access/actionAccess';
import {
  parseApiEntityRef,
  readApiEntity,
  unlessNotFound,
} from '../catalog/apiEntity';

export const UNREGISTER_ENTITY_ACTION_ID = 'internal-api:catalog:unregister';

/** The location's own Location entity goes with it; the entities it registered are what the user knows. */
async function entitiesOf(
  catalog: CatalogService,
  originLocation: string,
  credentials: BackstageCredentials,
) {
  const { items } = await catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ANNOTATION_ORIGIN_LOCATION}`]: originLocation,
      },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  return items
    .filter((entity: Entity) => entity.kind !== 'Location')
    .map(entity => stringifyEntityRef(entity))
    .sort();
}

/**
 * Removes an internal API from the catalog: the location that registered its
 * Component (catalog:register's), and with it every entity that location
 * holds (the Component and its API). Runs as the task's initiator, so the
 * catalog's permissions decide; touches only entities that carry the
 * internal-api domain annotation.
 */
export function createUnregisterEntityAction(
  options: AccessOptions & AuditAccess,
) {
  const { catalog, auditor } = options;
  return createTemplateAction({
    id: UNREGISTER_ENTITY_ACTION_ID,
    description:
      "Unregisters an internal API from the catalog: removes the location that registered its Component, and so every entity that location holds (the Component and its API), as the task's initiator. " +
      'Refuses an entity that is not an internal API (no internal-api.platform/domain annotation) or that no registered location holds, ' +
      'and a user who is neither its owner nor an admin. An entity already gone is reported absent.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              "The API's Component, e.g. component:default/orders-api (a kind-less name is a Component)",
            ),
        planOnly: inputProperties.planOnly,
      },
      output: {
        status: z =>
          z
            .enum(['planned', 'removed', 'absent'])
            .describe(
              'planned (dry-run, planOnly), removed, or absent (not in the catalog)',
            ),
        location: z =>
          z
            .string()
            .optional()
            .describe('The removed location, as type:target'),
        entityRefs: z =>
          z
            .array(z.string())
            .describe('The entities that went (or would go) with it'),
      },
    },
    async handler(ctx) {
      const entityRef = parseApiEntityRef(ctx.input.entityRef);
      const initiator = await initiatorOf(
        options,
        ctx,
        'Removing an API from the catalog',
      );
      // Its owner or an admin, whatever the catalog's own permissions let the user do.
      const owned = await readApiEntity(options, entityRef);
      if (owned) {
        requireMayChangeEntity(initiator, entityRef, owned, ctx.logger);
      }
      const { credentials } = initiator;
      const entity = await unlessNotFound(
        catalog.getEntityByRef(entityRef, { credentials }),
      );
      if (!entity) {
        ctx.logger.info(`${entityRef} is not in the catalog: nothing to do.`);
        ctx.output('status', 'absent');
        ctx.output('entityRefs', []);
        return;
      }
      if (!entity.metadata.annotations?.[INTERNAL_API_ANNOTATIONS.domain]) {
        throw new InputError(
          `entityRef '${entityRef}' is not an internal API (it has no ${INTERNAL_API_ANNOTATIONS.domain} annotation): ` +
            'this action removes only entities the internal API template created.',
        );
      }
      const location = await unlessNotFound(
        catalog.getLocationByEntity(entityRef, { credentials }),
      );
      if (!location) {
        const origin =
          entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION] ?? 'none';
        throw new InputError(
          `entityRef '${entityRef}' comes from no registered location (its origin is ${origin}): ` +
            'remove it where it is defined (app-config catalog.locations or an entity provider).',
        );
      }
      const locationRef = `${location.type}:${location.target}`;
      const entityRefs = await entitiesOf(catalog, locationRef, credentials);
      const planOnly = Boolean(ctx.isDryRun || ctx.input.planOnly);
      if (!planOnly) {
        // Keyed by location id: a retried task does not ask twice for a location it removed.
        await ctx.checkpoint({
          key: `unregister-location-${location.id}`,
          fn: () =>
            auditWrite(
              taskAudit(auditor, ctx, UNREGISTER_ENTITY_ACTION_ID),
              {
                eventId: AUDIT_EVENT_IDS.catalogUnregister,
                meta: {
                  resource: { location: locationRef, entityRefs },
                  change: 'delete',
                },
                outcome: () => ({ result: 'removed' }),
              },
              async () => {
                await catalog.removeLocationById(location.id, { credentials });
                return location.id;
              },
            ),
        });
      }
      ctx.logger.info(
        `${
          planOnly ? 'Plan only, would unregister' : 'Unregistered'
        } ${locationRef}, with ${entityRefs.join(', ')}.`,
      );
      ctx.output('status', planOnly ? 'planned' : 'removed');
      ctx.output('location', locationRef);
      ctx.output('entityRefs', entityRefs);
    },
  });
}
