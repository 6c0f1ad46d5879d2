import { ProxiedSignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Signs in without a button, through the backend's session endpoint for the
 * provider. Locally that is the guest provider, so `npm start` opens straight
 * into the app; production configures a real provider (app-config.production.yaml)
 * and changes `provider` here to match it.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props =>
          <ProxiedSignInPage {...props} provider="guest" />,
      },
    }),
  ],
});
