import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { ACCOUNT_ID } from '@internal/plugin-internal-api-common';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { parameterNames } from '../parameterNames';
import { domainNameDefaults, type DomainNameUiOptions } from './schema';

/**
 * Asks the backend what delegating the name would do and turns its refusals
 * (outside every parent, delegated elsewhere, …) into field errors that block
 * Next. Without the lookups installed, or before the form has a well-formed
 * account id (its own field says what is wrong), the task's check remains.
 */
export const validateDomainName: CustomFieldValidator<
  string,
  DomainNameUiOptions
> = async (domainName, validation, context) => {
  const { accountField } = parameterNames(
    domainNameDefaults,
    context.uiSchema?.['ui:options'],
  );
  const lookups = context.apiHolder.get(internalApiLookupsApiRef);
  const accountId = context.formData?.[accountField];
  if (
    !lookups ||
    !domainName ||
    typeof accountId !== 'string' ||
    !ACCOUNT_ID[0].test(accountId)
  ) {
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
};
