export interface Config {
  /**
   * Publishes scaffolded repositories as bare git repositories on local disk
   * instead of a Git host, and serves them read-only, without sign-in, at
   * `<backend.baseUrl>/api/local-git`. Meant for the sandbox (`npm start`)
   * and tests; when this key is absent the backend installs the GitHub
   * publisher.
   */
  localGitPublisher?: {
    /**
     * Absolute folder that holds the repositories, as
     * `<folder>/<host>/<owner>/<repo>.git`. Created when missing.
     */
    directory: string;
  };
}
