export interface Config {
  auth?: {
    providers?: {
      /**
       * Guest sign-in (app-config.guest.yaml, local use only). Only whether it
       * is configured reaches the app: the sign-in page follows it.
       * @visibility frontend
       */
      guest?: {};
      /**
       * GitHub sign-in (app-config.production.yaml). Only whether it is
       * configured reaches the app; its client id and secret stay on the backend.
       * @visibility frontend
       */
      github?: {};
    };
  };
}
