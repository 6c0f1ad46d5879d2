import type { ApiHolder } from '@backstage/core-plugin-api';
import type { FieldValidation } from '@rjsf/utils';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';

/** `<name>.<parent>` for every allowed parent, once the service has a name. */
export const suggestedDomains = (name: unknown, parents: string[]) =>
  typeof name === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(name)
    ? parents.map(parent => `${name}.${parent}`)
    : [];

/**
 * Asks the backend what delegating the name would do and turns its refusals
 * (outside every parent, delegated elsewhere, …) into field errors that block
 * Next. Without the lookups installed, the task's own check remains.
 */
export async function validateDomainName(
  domainName: string,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder; formData: Record<string, any> },
) {
  const lookups = context.apiHolder.get(internalApiLookupsApiRef);
  const accountId = context.formData?.accountId;
  if (!lookups || !domainName || !accountId) {
    return;
  }
  try {
    const check = await lookups.checkDomain({ domainName, accountId });
    check.problems.forEach(problem => validation.addError(problem));
  } catch (error) {
    validation.addError(
      `Could not check the domain: ${(error as Error).message}`,
    );
  }
}
