import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import type { LocalGitRepositories } from './localGitRepositories';

/**
 * Gives an entity registered from a local repository the
 * `backstage.io/source-location` of the folder it was read from
 * (`url:<remoteUrl>/blob/<branch>/<folder>/`), which enables the entity
 * page's View Source and points it at the backend's page of that folder.
 * The catalog's AnnotateLocationEntityProcessor derives this annotation only
 * through an SCM integration for the URL's host, and there is none for the
 * backend itself. As there, an annotation the entity sets itself wins.
 */
export class LocalGitSourceLocationProcessor implements CatalogProcessor {
  constructor(private readonly repositories: LocalGitRepositories) {}

  getProcessorName() {
    return 'LocalGitSourceLocationProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: { type: string; target: string },
  ): Promise<Entity> {
    if (
      location.type !== 'url' ||
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION]
    ) {
      return entity;
    }
    let url: URL;
    try {
      url = new URL(location.target);
    } catch {
      return entity;
    }
    if (!this.repositories.owns(url)) {
      return entity;
    }
    // The folder of the file, as the SCM integrations resolve './' against it.
    const folder = new URL('./', url).href;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_SOURCE_LOCATION]: stringifyLocationRef({
            type: 'url',
            target: folder,
          }),
        },
      },
    };
  }
}
