import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  ACCOUNT_ID,
  API_NAME,
  API_NAME_MAX_LENGTH,
} from '@internal/plugin-internal-api-common';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { inFormWords } from '../../lookups/formWords';
import { parameterNames } from '../parameterNames';
import { domainNameDefaults, type DomainNameUiOptions } from './schema';

/** The API's name from the form, when it is one the task would accept. */
const apiNameOf = (value: unknown) =>
  typeof value === 'string' &&
  value.length <= API_NAME_MAX_LENGTH &&
  API_NAME[0].test(value)
    ? value
    : undefined;

/**
 * Asks the backend what delegating the name would do and turns its refusals
 * (outside every parent, delegated elsewhere, another API's zone, …) into
 * field errors that block Next. The API's name goes along when the form has
 * it, so another API's zone is refused here already; without it the task's
 * check decides. Without the lookups installed, or before the form has a
 * well-formed account id (its own field says what is wrong), the task's
 * check remains.
 */
export const validateDomainName: CustomFieldValidator<
  string,
  DomainNameUiOptions
> = async (domainName, validation, context) => {
  const { accountField, nameField } = parameterNames(
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
    const apiName = apiNameOf(context.formData?.[nameField]);
    const check = await lookups.checkDomain({
      domainName,
      accountId,
      ...(apiName ? { apiName } : {}),
    });
    check.problems.forEach(problem =>
      validation.addError(inFormWords(problem)),
    );
  } catch (error) {
    validation.addError(
      `Could not check the domain name: ${(error as Error).message}`,
    );
  }
};
