import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** What the actions need to ask the catalog who claims a name, a zone or a route (catalog/*Claims.ts). */
export interface CatalogAccess {
  catalog: CatalogService;
  auth: AuthService;
}
