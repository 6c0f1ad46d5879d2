import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameter the summary reads, unless `ui:options` names another. */
export const repositorySummaryDefaults = { repoUrlField: 'repoUrl' };

export const repositorySummarySchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'The repository as people write it, e.g. "acme/orders-api"; for people to review, not for steps',
      ),
  uiOptions: z =>
    z.object({
      repoUrlField: z
        .string()
        .default(repositorySummaryDefaults.repoUrlField)
        .optional()
        .describe("The parameter that holds RepoUrlPicker's value"),
    }),
});

export type RepositorySummaryProps = typeof repositorySummarySchema.TProps;
