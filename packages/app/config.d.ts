export interface Config {
  auth?: {
    providers?: {
      /**
       * Sign-in as one of the sandbox's people (app-config.sandbox-people.yaml, local
       * use only; packages/backend/src/sandboxSignIn.ts). The sign-in page
       * lists them; the backend signs in as the catalog User of the one chosen.
       * @visibility frontend
       */
      sandbox?: {
        /**
         * Whom the sign-in page offers, in this order.
         * @visibility frontend
         */
        people: Array<{
          /**
           * The User's name in org/sandbox.yaml, e.g. `pat`.
           * @visibility frontend
           */
          name: string;
          /**
           * What the page shows as the person's name, e.g. "Pat — Payments team".
           * @visibility frontend
           */
          title: string;
          /**
           * What the person may do, one or two sentences.
           * @visibility frontend
           */
          description: string;
        }>;
      };
      /**
       * GitHub sign-in (app-config.production.yaml). Only whether it is
       * configured reaches the app; its client id and secret stay on the backend.
       * @visibility frontend
       */
      github?: {};
    };
  };
}
