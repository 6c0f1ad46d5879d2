import { useEntityPresentation } from '@backstage/plugin-catalog-react';

/**
 * The person's name as the catalog shows it ("Sam (Orders team)" from the
 * user's profile); without the catalog's presentation API, the ref's name.
 */
export function usePersonName(entityRef: string): string {
  return useEntityPresentation(entityRef).primaryTitle;
}
