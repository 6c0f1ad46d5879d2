import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import {
  INTERNAL_API_ANNOTATIONS,
  parseConsumersAnnotation,
} from '@internal/plugin-internal-api-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { day2Links, type TemplatePath } from './logic';

/**
 * Where the app mounts the scaffolder's template forms, undefined where it
 * does not. Backstage's hook throws for a route the app lacks; every hook
 * inside it runs before that throw, so catching it keeps the hook order.
 */
function useTemplatePath(): TemplatePath | undefined {
  try {
    return useRouteRef(scaffolderPlugin.routes.selectedTemplate);
  } catch {
    return undefined;
  }
}

/** The buttons that open the day-2 templates prefilled with this API. */
export function Day2Buttons({ entity }: { entity: Entity }) {
  const templatePath = useTemplatePath();
  if (!templatePath) {
    return (
      <Typography variant="caption" color="textSecondary">
        This app has no scaffolder, so the templates that change or decommission
        the API cannot be opened from here.
      </Typography>
    );
  }
  const links = day2Links(templatePath, {
    entityRef: stringifyEntityRef(entity),
    consumers: parseConsumersAnnotation(
      entity.metadata.annotations?.[INTERNAL_API_ANNOTATIONS.consumers],
    ),
  });
  return (
    <>
      {links.map(link => (
        <Box key={link.title} ml={1}>
          <LinkButton variant="outlined" to={link.to}>
            {link.title}
          </LinkButton>
        </Box>
      ))}
    </>
  );
}
