import { createApp } from '@backstage/frontend-defaults';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import internalApiFormFields, {
  catalogInternalApiModule,
  internalApiApprovalsPlugin,
} from '@internal/plugin-scaffolder-frontend-module-internal-api';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [
    catalogPlugin,
    scaffolderPlugin,
    internalApiFormFields,
    catalogInternalApiModule,
    internalApiApprovalsPlugin,
    apiDocsPlugin,
    orgPlugin,
    userSettingsPlugin,
    navModule,
    signInModule,
    translationsModule,
  ],
});
