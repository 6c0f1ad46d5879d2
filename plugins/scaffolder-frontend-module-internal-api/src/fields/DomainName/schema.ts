import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { DOMAIN_NAME_MAX_LENGTH } from '@internal/plugin-internal-api-common';

/** The parameters the field reads, unless `ui:options` names others. */
export const domainNameDefaults = {
  nameField: 'name',
  accountField: 'accountId',
};

export const domainNameSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .max(DOMAIN_NAME_MAX_LENGTH)
      .describe("The API's domain name, e.g. orders.api.acme.com"),
  uiOptions: z =>
    z.object({
      nameField: z
        .string()
        .default(domainNameDefaults.nameField)
        .optional()
        .describe(
          "The parameter holding the API's name: suggested as the first label (<name>.<parent>) and sent with the domain check, so another API's zone is refused in the form",
        ),
      accountField: z
        .string()
        .default(domainNameDefaults.accountField)
        .optional()
        .describe(
          'The parameter that holds the workload account the zone is created in',
        ),
    }),
});

export type DomainNameProps = typeof domainNameSchema.TProps;
export type DomainNameUiOptions = NonNullable<
  DomainNameProps['uiSchema']['ui:options']
>;
